package com.atlascost.reports.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxInvoices;
import com.atlascost.reports.testsupport.SandboxRun;

import static com.atlascost.reports.testsupport.WorkbookReader.cents;
import static com.atlascost.reports.testsupport.WorkbookReader.open;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bill of every org-month: a job grouped by projects only, with
 * {@code projects: all}, still stores each organization's complete bill (Support and
 * credits included, which the projects grouping leaves out) in
 * {@code monthly_cost_by_organization}, to the cent of what the sandbox bills, and the
 * Summary shows what each of them is billed (its invoice: the bill with its tax and
 * invoice-only lines) and their grand total as numbers, in English and Japanese. A job
 * that groups by organizations unfiltered asks no second query for its bill.
 */
class BillFunctionalTests {

	private static final YearMonth TO = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

	private static final YearMonth FROM = TO.minusMonths(2);

	private static final List<String> ORGS = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_JAPAN);

	/** The job's organizations and Acme Sandbox Org, which Acme Production pays for. */
	private static final List<String> REPORTED = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_JAPAN,
			SandboxData.ACME_SANDBOX);

	@TempDir
	Path dir;

	@Test
	void aProjectsOnlyJobStoresAndShowsEveryOrgMonthsCompleteBill() throws Exception {
		Path job = this.dir.resolve("projects-only.yml");
		Files.writeString(job, """
				name: projects-only
				groupBy: [projects]
				organizations:
				  - id: %s
				    label: Acme Production
				    projects: all
				  - id: %s
				    label: アクメ株式会社
				    projects: all
				""".formatted(ORGS.get(0), ORGS.get(1)));
		Map<String, BigDecimal> expected = new LinkedHashMap<>();
		SandboxData sandbox = new SandboxData(Clock.systemUTC());
		for (String org : REPORTED) {
			for (YearMonth month = FROM; !month.isAfter(TO); month = month.plusMonths(1)) {
				expected.put(org + " " + month,
						sandbox.lineItems(org, month)
							.stream()
							.map(SandboxData.LineItem::amount)
							.reduce(BigDecimal.ZERO, BigDecimal::add));
			}
		}
		BigDecimal grandTotal = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		// what the Summary shows of a closed month: the organization's own invoice
		SandboxInvoices invoices = new SandboxInvoices(sandbox, Clock.systemUTC());
		Map<String, BigDecimal> billed = new LinkedHashMap<>();
		for (String org : REPORTED) {
			for (YearMonth month = FROM; !month.isAfter(TO); month = month.plusMonths(1)) {
				billed.put(org + " " + month, BigDecimal
					.valueOf(((Number) invoices.invoice(org, month).get("amountBilledCents")).longValue(), 2));
			}
		}
		for (String locale : List.of("en", "ja")) {
			Path run = this.dir.resolve(locale);
			assertThat(SandboxRun
				.of(run, "--job=" + job, "--sandbox", "--from=" + FROM, "--to=" + TO, "--report.locale=" + locale)
				.exitCode()).isZero();
			assertThat(billsInTheView(run)).isEqualTo(expected);
			assertThat(projectsTotal(run)).as("the projects grouping leaves out Support and credits")
				.isNotEqualByComparingTo(grandTotal);
			try (XSSFWorkbook workbook = open(
					run.resolve("reports").resolve("projects-only_" + FROM + "_" + TO + ".xlsx"))) {
				Sheet summary = workbook.getSheetAt(0);
				var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
				BigDecimal grandBilled = BigDecimal.ZERO;
				for (int o = 0; o < REPORTED.size(); o++) {
					int column = organizationColumn(summary, REPORTED.get(o));
					BigDecimal orgTotal = BigDecimal.ZERO;
					for (int m = 0; m < 3; m++) {
						Cell cell = summary.getRow(2 + m).getCell(column);
						assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
						BigDecimal bill = billed.get(REPORTED.get(o) + " " + FROM.plusMonths(m));
						assertThat(cents(cell.getNumericCellValue())).as("%s %s", REPORTED.get(o), FROM.plusMonths(m))
							.isEqualByComparingTo(bill);
						orgTotal = orgTotal.add(bill);
					}
					// the last 12 closed months: every month of the range is closed
					assertThat(cents(evaluator.evaluate(summary.getRow(6).getCell(column)).getNumberValue()))
						.isEqualByComparingTo(orgTotal);
					grandBilled = grandBilled.add(orgTotal);
				}
				// the organization columns and Acme Production's billing account column
				Cell total = summary.getRow(6).getCell(2 + REPORTED.size());
				assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
				assertThat(cents(total.getNumericCellValue())).isEqualByComparingTo(grandBilled);
				assertThat(cents(evaluator.evaluate(total).getNumberValue())).isEqualByComparingTo(grandBilled);
				// Usage (before tax), after the total and the change in dollars and in %
				Cell usage = summary.getRow(6).getCell(2 + REPORTED.size() + 3);
				assertThat(cents(evaluator.evaluate(usage).getNumberValue())).as("the complete bills' usage")
					.isEqualByComparingTo(grandTotal);
				assertThat(workbook.getSheetAt(1).getSheetName())
					.isEqualTo(locale.equals("en") ? "Projects" : "プロジェクト");
				assertThat(workbook.getSheet(locale.equals("en") ? "Organizations" : "組織"))
					.as("no organizations sheet: the bill is the summary's")
					.isNull();
			}
		}
	}

	@Test
	void anUnfilteredOrganizationsGroupingIsTheBillAndIsNotAskedTwice() throws Exception {
		Path job = this.dir.resolve("orgs.yml");
		Files.writeString(job, """
				name: orgs
				groupBy: [organizations, services]
				organizations:
				  - id: %s
				    label: Acme Production
				""".formatted(ORGS.get(0)));
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=" + FROM, "--to=" + TO);
		assertThat(run.exitCode()).isZero();
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(this.dir), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT COUNT(*), SUM(CASE WHEN bill THEN 1 ELSE 0 END) FROM cost_query"
							+ " WHERE group_by = 'ORGANIZATIONS'")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(3);
			assertThat(rs.getInt(2)).isEqualTo(3);
		}
		assertThat(billsInTheView(this.dir)).as("Acme Production's and its linked organization's, 3 months each")
			.hasSize(2 * 3);
	}

	/**
	 * An organization's own column: a paying organization's id heads its billing
	 * account's column too, which comes first.
	 */
	private static int organizationColumn(Sheet sheet, String organizationId) {
		int column = -1;
		for (Cell cell : sheet.getRow(1)) {
			if (cell.getColumnIndex() > 0 && organizationId.equals(cell.getStringCellValue())) {
				column = cell.getColumnIndex();
			}
		}
		assertThat(column).as("the column of %s", organizationId).isPositive();
		return column;
	}

	private static Map<String, BigDecimal> billsInTheView(Path dir) throws SQLException {
		Map<String, BigDecimal> bills = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(dir), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT organization_id, billing_month, amount FROM monthly_cost_by_organization"
							+ " ORDER BY CASE WHEN organization_id = '" + ORGS.get(0)
							+ "' THEN 0 ELSE 1 END, billing_month")) {
			while (rs.next()) {
				bills.put(rs.getString(1) + " " + YearMonth.from(rs.getObject(2, LocalDate.class)),
						rs.getBigDecimal(3));
			}
		}
		return bills;
	}

	private static BigDecimal projectsTotal(Path dir) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(dir), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT SUM(amount) FROM monthly_cost_by_project")) {
			rs.next();
			return rs.getBigDecimal(1);
		}
	}

}
