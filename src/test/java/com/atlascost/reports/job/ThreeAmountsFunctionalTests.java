package com.atlascost.reports.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.notify.TestMailServer;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.WorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox demo naming only the paying organization: the Summary headlines each closed
 * month's billed amount of the billing account, its linked organization's invoices
 * included, and the report mail shows the same figure to the cent.
 */
class ThreeAmountsFunctionalTests {

	private static final YearMonth DECEMBER = YearMonth.of(2025, 12);

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@TempDir
	Path dir;

	private TestMailServer mail;

	@AfterEach
	void stop() {
		if (this.mail != null) {
			this.mail.close();
		}
	}

	@Test
	void theSummaryAndTheMailHeadlineTheAccountsBilledAmountLinkedInvoicesIncluded() throws Exception {
		Path job = this.dir.resolve("amounts-check.yml");
		Files.writeString(job, """
				name: amounts-check
				groupBy: [services]
				organizations:
				  - id: %s
				    label: Acme Production
				delivery:
				  email:
				    to: [finance@example.com]
				""".formatted(SandboxData.ACME_PRODUCTION));
		this.mail = TestMailServer.start();
		List<String> args = new ArrayList<>(
				List.of("--job=" + job, "--sandbox", "--from=2025-12", "--to=2026-12", "--run-date=2026-12-07"));
		args.addAll(TestMailServer.springArguments(this.mail.port()));
		assertThat(SandboxRun.of(this.dir, args.toArray(String[]::new)).exitCode()).isZero();

		assertThat(invoices(SandboxData.ACME_SANDBOX, DECEMBER)).as("the linked organization's invoice").isOne();
		BigDecimal december = billed(SandboxData.ACME_PRODUCTION, DECEMBER);
		BigDecimal november = billed(SandboxData.ACME_PRODUCTION, NOVEMBER);
		try (XSSFWorkbook workbook = WorkbookReader
			.open(this.dir.resolve("reports").resolve("amounts-check_2025-12_2026-12.xlsx"))) {
			Sheet summary = workbook.getSheet("Summary");
			int account = WorkbookReader.columnOf(summary, 1, SandboxData.ACME_PRODUCTION);
			assertThat(WorkbookReader.text(summary.getRow(0).getCell(account)))
				.isEqualTo("Acme Production (billing account)");
			assertThat(WorkbookReader.texts(summary.getRow(1))).contains(SandboxData.ACME_SANDBOX);
			Row first = summary.getRow(2);
			assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DECEMBER.atDay(1));
			assertThat(WorkbookReader.cents(first.getCell(account))).isEqualByComparingTo(december);
			Row last = summary.getRow(2 + 11);
			assertThat(last.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(NOVEMBER.atDay(1));
			assertThat(WorkbookReader.cents(last.getCell(account))).isEqualByComparingTo(november);
		}
		MimeMessage report = this.mail.messagesTo("finance@example.com").get(0);
		assertThat(TestMailServer.text(report)).contains("Billed for 2026-11")
			.contains("- Acme Production (billing account " + SandboxData.ACME_PRODUCTION + "): " + usd(november))
			.contains("Accrual for 2026-12");
	}

	/**
	 * The invoices' billed amount of every invoice the account pays, linked ones
	 * included.
	 */
	private BigDecimal billed(String accountId, YearMonth month) throws Exception {
		return new BigDecimal(TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT SUM(amount_billed_cents) FROM invoice WHERE paying_org_id = '" + accountId
					+ "' AND billing_month = DATE '" + month.atDay(1) + "'")
			.get(0)).movePointLeft(2);
	}

	private int invoices(String orgId, YearMonth month) throws Exception {
		return TestDatabase.h2()
			.at(this.dir)
			.count("SELECT COUNT(*) FROM invoice WHERE org_id = '" + orgId + "' AND billing_month = DATE '"
					+ month.atDay(1) + "'");
	}

	private static String usd(BigDecimal amount) {
		return String.format(Locale.US, "$%,.2f", amount);
	}

}
