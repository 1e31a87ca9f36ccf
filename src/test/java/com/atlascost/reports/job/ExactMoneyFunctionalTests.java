package com.atlascost.reports.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxExchange;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.atlascost.reports.testsupport.WorkbookReader.columnOf;
import static com.atlascost.reports.testsupport.WorkbookReader.open;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money kept exact on the real HTTP path: amounts with three to six decimals are stored
 * as Atlas sent them, summed exactly and rounded once, where the figure is shown (the
 * views, the workbook); an answer of thousands of rows, well above 256 KiB, is stored
 * whole.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExactMoneyFunctionalTests {

	private static final String PRODUCTION = SandboxData.ACME_PRODUCTION;

	/** What {@code sub-cent-amounts} adds: 3 x 0.005 + 1.234567 + 200 x 0.004. */
	private static final BigDecimal SUB_CENT = new BigDecimal("2.049567");

	@TempDir
	Path dir;

	@Test
	void subCentAmountsAreSummedExactlyAndRoundedOnceInTheViewsAndTheWorkbook() throws Exception {
		Path job = job();
		Path clean = this.dir.resolve("clean");
		Path subCent = this.dir.resolve("sub-cent");
		assertThat(SandboxRun.of(clean, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03").exitCode())
			.isZero();

		SandboxRun run = SandboxRun.of(subCent, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.faults.answer=sub-cent-amounts");

		assertThat(run.exitCode()).isZero();
		// Acme Production's own bill: its queries carry its linked organization's rows
		// too
		BigDecimal cleanBill = decimal(clean,
				"SELECT amount FROM monthly_cost_by_organization WHERE organization_id = '" + PRODUCTION + "'");
		BigDecimal exact = cleanBill.add(SUB_CENT);
		BigDecimal shown = exact.setScale(2, RoundingMode.HALF_UP);
		assertThat(exact.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(cleanBill.add(new BigDecimal("2.05")));
		assertThat(decimal(subCent,
				"SELECT SUM(u.exact_amount) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
						+ " WHERE q.bill = TRUE AND u.organization_id = '" + PRODUCTION + "'"))
			.as("stored exactly")
			.isEqualByComparingTo(exact);
		assertThat(SandboxRun.column(subCent,
				"SELECT CAST(exact_amount AS VARCHAR(64)) FROM usage_row u JOIN cost_query q"
						+ " ON q.id = u.query_id WHERE q.bill = TRUE AND exact_amount < 0.01"
						+ " AND u.organization_id = '" + PRODUCTION + "'"))
			.hasSize(203);
		assertThat(decimal(subCent,
				"SELECT amount FROM monthly_cost_by_organization WHERE organization_id = '" + PRODUCTION + "'"))
			.isEqualTo(shown);
		String firstServiceOfProduction = "SELECT amount FROM monthly_cost_by_service WHERE organization_id = '"
				+ PRODUCTION + "' ORDER BY service FETCH FIRST 1 ROWS ONLY";
		BigDecimal firstService = decimal(clean, firstServiceOfProduction);
		assertThat(decimal(subCent, firstServiceOfProduction))
			.isEqualTo(firstService.add(SUB_CENT).setScale(2, RoundingMode.HALF_UP));
		try (XSSFWorkbook workbook = open(subCent.resolve("reports").resolve("exact_2024-03_2024-03.xlsx"))) {
			// the sub-cent amounts are usage: the Summary's Usage (before tax) column
			// holds
			// Acme Production's and its linked organization's (the organizations' columns
			// show their invoices' billed amounts)
			BigDecimal linked = decimal(subCent, "SELECT COALESCE(SUM(amount), 0) FROM monthly_cost_by_organization"
					+ " WHERE organization_id = '" + SandboxData.ACME_SANDBOX + "'");
			Sheet summary = workbook.getSheetAt(0);
			Cell usage = summary.getRow(2).getCell(columnOf(summary, 0, "Usage (before tax)"));
			assertThat(usage.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(BigDecimal.valueOf(usage.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP))
				.isEqualByComparingTo(shown.add(linked));
		}
	}

	/**
	 * 12345678901234567.89 is stored exactly, but a cell would show it as
	 * 12345678901234600.00: the report is refused with the amount and the cell named, and
	 * the previous report stays as it was.
	 */
	@Test
	void anAmountACellCannotShowToTheCentIsStoredExactlyAndTheReportRefused(CapturedOutput output) throws Exception {
		Path job = job();
		assertThat(SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03").exitCode())
			.isZero();
		Path reports = this.dir.resolve("reports");
		byte[] workbook = Files.readAllBytes(reports.resolve("exact_2024-03_2024-03.xlsx"));
		byte[] focus = Files.readAllBytes(reports.resolve("exact_2024-03_2024-03.focus.csv"));

		SandboxRun huge = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03",
				"--refresh", "--sandbox.faults.answer=huge-amount");

		assertThat(huge.exitCode()).isEqualTo(1);
		assertThat(SandboxRun.column(this.dir,
				"SELECT CAST(exact_amount AS VARCHAR(64)) FROM usage_row" + " WHERE exact_amount > 1000000000000"))
			.isNotEmpty()
			.allSatisfy((stored) -> assertThat(new BigDecimal(stored)).isEqualByComparingTo("12345678901234567.89"));
		assertThat(output)
			.containsPattern("The report was not written: 1234567890123\\d{4}\\.\\d{2} USD \\(sheet '[^']+', cell"
					+ " [A-Z]+[0-9]+\\) has more than 13 digits before the cents");
		assertThat(Files.readAllBytes(reports.resolve("exact_2024-03_2024-03.xlsx"))).isEqualTo(workbook);
		assertThat(Files.readAllBytes(reports.resolve("exact_2024-03_2024-03.focus.csv"))).isEqualTo(focus);
		try (var left = Files.list(reports)) {
			assertThat(left.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("exact_2024-03_2024-03.xlsx", "exact_2024-03_2024-03.focus.csv");
		}
	}

	@Test
	void anAnswerOfThreeThousandRowsAboveTheOldBufferIsStoredWhole() throws Exception {
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job(), "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.faults.extra-rows=3000");

		assertThat(run.exitCode()).isZero();
		List<SandboxExchange> answers = run.sandbox()
			.exchanges()
			.stream()
			.filter((exchange) -> exchange.method().equals("GET") && exchange.uri().contains("/costExplorer/usage/")
					&& exchange.responseBody() != null && exchange.responseBody().contains("usageDetails"))
			.toList();
		assertThat(answers).hasSize(2)
			.allSatisfy((answer) -> assertThat(answer.responseBody().length()).isGreaterThan(256 * 1024));
		assertThat(SandboxRun.column(this.dir,
				"SELECT q.group_by || ' ' || COUNT(*) FROM usage_row u JOIN cost_query q"
						+ " ON q.id = u.query_id WHERE u.exact_amount = 0.001 GROUP BY q.group_by ORDER BY q.group_by"))
			.containsExactly("ORGANIZATIONS 3000", "SERVICES 3000");
	}

	private Path job() throws IOException {
		Path job = this.dir.resolve("exact.yml");
		Files.writeString(job, """
				name: exact
				groupBy: [services]
				organizations:
				  - id: %s
				""".formatted(PRODUCTION));
		return job;
	}

	private static BigDecimal decimal(Path dir, String sql) throws SQLException {
		return new BigDecimal(SandboxRun.column(dir, sql).get(0));
	}

}
