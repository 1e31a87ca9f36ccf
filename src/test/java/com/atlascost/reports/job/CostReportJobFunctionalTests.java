package com.atlascost.reports.job;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.testsupport.WorkbookReader;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.CostExplorerServices;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job, as the command line runs it, against the sandbox over HTTP, a real
 * database (H2 file, then PostgreSQL) and real report files: what is stored and reported
 * must equal the sandbox's own data to the cent, for every grouping.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class CostReportJobFunctionalTests {

	private static final List<String> ORGS = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS);

	/**
	 * The organizations reported: the job's and Acme Sandbox Org, which Acme Production
	 * pays for (its usage comes with Acme Production's queries).
	 */
	private static final List<String> REPORTED = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS,
			SandboxData.ACME_SANDBOX);

	private static final Map<String, String> LABELS = Map.of(SandboxData.ACME_PRODUCTION, "Acme Production",
			SandboxData.ACME_ANALYTICS, "Acme Analytics", SandboxData.ACME_SANDBOX, "Acme Sandbox Org");

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	/**
	 * Only the open month is provisional whatever the day of the month the test runs on
	 * (with the default five settlement days, last month is still provisional on the
	 * 2nd).
	 */
	private static final String SETTLED_AT_MONTH_END = "--usage.settlement-days=0";

	private static final YearMonth FROM = NOW.minusMonths(2);

	private static final SandboxData data = new SandboxData(Clock.systemUTC());

	@Parameter
	TestDatabase database;

	@TempDir
	static Path root;

	private Path dir;

	private SandboxRun run;

	private @Nullable TestDatabase ranOn;

	/**
	 * Runs the job once per database, before the first test; the tests read what it left.
	 * One instance serves both databases (per-class lifecycle), and JUnit's
	 * per-invocation hooks run before the database is injected, hence the check.
	 */
	@BeforeEach
	void runTheSandboxJobOverThreeMonthsOncePerDatabase() {
		if (this.ranOn != this.database) {
			this.dir = root.resolve(this.database.vendor());
			// a processing delay long enough for the first poll to meet a 102 on a busy
			// machine
			this.run = SandboxRun.of(this.database, this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + FROM,
					"--to=" + NOW, SETTLED_AT_MONTH_END, "--sandbox.processing-delay=1s");
			this.ranOn = this.database;
		}
	}

	@Test
	void exitsZeroAfterOneCreateAndAtLeastOnePollPerQuery() {
		assertThat(this.run.exitCode()).isZero();
		// 2 organizations x 3 months x (2 groupings + the bill)
		assertThat(this.run.counters().creates()).isEqualTo(2 * 3 * 3);
		assertThat(this.run.counters().polls()).isGreaterThanOrEqualTo(2 * 3 * 3);
		assertThat(this.run.counters().responses(102)).isPositive();
	}

	@Test
	void storesExactlyTheSandboxAnswerOfEveryQuery() throws SQLException {
		for (String org : REPORTED) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				assertThat(storedRows(org, "PROJECTS", month)).as("projects of %s in %s", org, month)
					.containsExactlyInAnyOrderElementsOf(expectedRows(org, "projects", month));
				assertThat(storedRows(org, "SERVICES", month)).as("services of %s in %s", org, month)
					.containsExactlyInAnyOrderElementsOf(expectedRows(org, "services", month));
			}
		}
	}

	@Test
	void groupingTotalsFollowTheSandboxLineItemsAndCreditsStayNegative() throws SQLException {
		for (String org : REPORTED) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				List<SandboxData.LineItem> items = data.lineItems(org, month);
				BigDecimal all = sum(items.stream().map(SandboxData.LineItem::amount));
				BigDecimal withProject = sum(
						items.stream().filter((i) -> i.projectId() != null).map(SandboxData.LineItem::amount));
				assertThat(storedTotal(org, "SERVICES", month)).isEqualByComparingTo(all);
				assertThat(storedTotal(org, "PROJECTS", month))
					.as("org-level charges have no project and no partial matches were asked for")
					.isEqualByComparingTo(withProject);
				assertThat(storedRows(org, "SERVICES", month)).filteredOn((row) -> row.startsWith("Credits="))
					.singleElement()
					.satisfies((row) -> assertThat(row).contains("=-"));
			}
		}
	}

	/**
	 * The Summary shows each organization's bill (its invoice's billed amount for a
	 * closed month, its accrual for the open one) beside Acme Production's billing
	 * account column, and each month's usage, which equals the stored rows to the cent;
	 * its totals row of the last closed months adds them up.
	 */
	@Test
	void workbookTotalsEqualTheStoredRowsToTheCent() throws Exception {
		try (XSSFWorkbook workbook = WorkbookReader.open(workbookPath())) {
			FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			Sheet summary = workbook.getSheet("Summary");
			Map<String, Integer> orgColumns = new HashMap<>();
			Row ids = summary.getRow(1);
			for (Cell cell : ids) {
				if (cell.getColumnIndex() > 0) {
					// the account column comes first, its organizations' after it
					orgColumns.put(cell.getStringCellValue(), cell.getColumnIndex());
				}
			}
			assertThat(orgColumns).containsOnlyKeys(REPORTED);
			orgColumns.forEach((org, column) -> assertThat(summary.getRow(0).getCell(column).getStringCellValue())
				.isEqualTo(LABELS.get(org)));
			int accountColumn = WorkbookReader.columnOf(summary, 1, SandboxData.ACME_PRODUCTION);
			assertThat(summary.getRow(0).getCell(accountColumn).getStringCellValue())
				.isEqualTo("Acme Production (billing account)");
			int provisionalColumn = summary.getRow(0).getLastCellNum() - 1;
			assertThat(summary.getRow(0).getCell(provisionalColumn).getStringCellValue()).isEqualTo("Provisional");
			// an organization column each and Acme Production's billing account column
			int totalColumn = 2 + REPORTED.size();
			assertThat(summary.getRow(0).getCell(totalColumn).getStringCellValue()).isEqualTo("Total");
			int usageColumn = WorkbookReader.columnOf(summary, 0, "Usage (before tax)");
			BigDecimal grand = BigDecimal.ZERO;
			BigDecimal closedUsage = BigDecimal.ZERO;
			for (int i = 0; i < 3; i++) {
				Row row = summary.getRow(2 + i);
				YearMonth month = FROM.plusMonths(i);
				BigDecimal usage = BigDecimal.ZERO;
				BigDecimal shown = BigDecimal.ZERO;
				for (String org : REPORTED) {
					Cell cell = row.getCell(orgColumns.get(org));
					assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
					assertThat(cell.getCellStyle().getDataFormatString()).contains("#,##0.00");
					// the bill, Support and credits included, not the projects grouping
					BigDecimal bill = sum(data.lineItems(org, month).stream().map(SandboxData.LineItem::amount));
					assertThat(storedTotal(org, "ORGANIZATIONS", month)).isEqualByComparingTo(bill);
					usage = usage.add(bill);
					BigDecimal headline = month.equals(NOW) ? accrual(org) : billed(org, month);
					assertThat(cents(cell.getNumericCellValue())).as("%s %s", org, month)
						.isEqualByComparingTo(headline);
					shown = shown.add(headline);
				}
				assertThat(cents(row.getCell(totalColumn).getNumericCellValue())).as("total of %s", month)
					.isEqualByComparingTo(shown);
				assertThat(cents(row.getCell(usageColumn).getNumericCellValue())).as("usage of %s", month)
					.isEqualByComparingTo(usage);
				if (!month.equals(NOW)) {
					grand = grand.add(shown);
					closedUsage = closedUsage.add(usage);
				}
				String mark = (row.getCell(provisionalColumn) != null)
						? row.getCell(provisionalColumn).getStringCellValue() : "";
				assertThat(mark).as("provisional mark of %s", month).isEqualTo(month.equals(NOW) ? "provisional" : "");
			}
			Row totals = summary.getRow(6);
			assertThat(totals.getCell(0).getStringCellValue())
				.isEqualTo("Last 12 closed months: 2 in this report (" + FROM + " – " + NOW.minusMonths(1) + ")");
			Cell grandTotal = totals.getCell(totalColumn);
			assertThat(cents(evaluator.evaluate(grandTotal).getNumberValue())).isEqualByComparingTo(grand);
			assertThat(cents(grandTotal.getNumericCellValue())).isEqualByComparingTo(grand);
			assertThat(cents(evaluator.evaluate(totals.getCell(usageColumn)).getNumberValue()))
				.isEqualByComparingTo(closedUsage);
			assertThat(grandTotalOf(workbook.getSheet("Projects"), evaluator))
				.isEqualByComparingTo(storedTotal("PROJECTS"));
			assertThat(grandTotalOf(workbook.getSheet("Services"), evaluator))
				.isEqualByComparingTo(storedTotal("SERVICES"));
			assertThat(workbook.getSheet("Detail").getLastRowNum()).isEqualTo(storedRowCount());
			assertThat(workbook.getSheet("Run info")).isNotNull();
		}
	}

	@Test
	void focusCsvListsEveryInvoiceLineOnceSoEachAccountMonthSumsToItsBill() throws Exception {
		List<CSVRecord> records = focusCsv();
		Map<String, BigDecimal> byAccountMonth = new HashMap<>();
		for (CSVRecord record : records) {
			byAccountMonth.merge(
					record.get("BillingAccountId") + " " + record.get("BillingPeriodStart").substring(0, 7),
					new BigDecimal(record.get("BilledCost")), BigDecimal::add);
			assertThat(record.get("BillingCurrency")).isEqualTo("USD");
			assertThat(record.get("ProviderName")).isEqualTo("MongoDB");
			assertThat(record.get("BillingAccountId")).isIn(ORGS);
			assertThat(record.get("BillingAccountName")).isEqualTo(LABELS.get(record.get("BillingAccountId")));
			assertThat(record.get("x_Provisional"))
				.isEqualTo(Boolean.toString(record.get("ChargePeriodStart").startsWith(NOW.toString())));
		}
		for (String org : ORGS) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				Map<String, Object> invoice = this.run.sandbox().invoices().invoice(org, month);
				long billed = ((Number) invoice.get("amountBilledCents")).longValue();
				for (Object linked : (List<?>) invoice.get("linkedInvoices")) {
					billed += ((Number) ((Map<?, ?>) linked).get("amountBilledCents")).longValue();
				}
				assertThat(byAccountMonth.get(org + " " + month)).as("%s %s", org, month)
					.isEqualByComparingTo(BigDecimal.valueOf(billed, 2));
			}
		}
		assertThat(records).filteredOn((r) -> r.get("ServiceName").equals("Credits"))
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.get("ChargeCategory")).isEqualTo("Credit"));
	}

	@Test
	void runningTheSameRangeAgainLeavesExactlyOneCopyOfEveryRow(CapturedOutput output) throws SQLException {
		int rowsBefore = storedRowCount();
		int queriesBefore = count("SELECT COUNT(*) FROM cost_query");
		BigDecimal totalBefore = storedTotal("SERVICES");
		SandboxRun again = SandboxRun.of(this.database, this.dir, "--job=jobs/sandbox.yml", "--sandbox",
				"--from=" + FROM, "--to=" + NOW, SETTLED_AT_MONTH_END, "--refresh");
		assertThat(again.exitCode()).isZero();
		assertThat(again.counters().creates()).as("--refresh fetches every month again").isEqualTo(18);
		assertThat(storedRowCount()).isEqualTo(rowsBefore);
		assertThat(count("SELECT COUNT(*) FROM cost_query")).isEqualTo(queriesBefore);
		assertThat(count("SELECT COUNT(*) FROM (SELECT q.org_id, u.organization_id, q.group_by, u.usage_date,"
				+ " u.project_id, u.service FROM usage_row u JOIN cost_query q ON q.id = u.query_id GROUP BY q.org_id,"
				+ " u.organization_id, q.group_by, u.usage_date, u.project_id, u.service HAVING COUNT(*) > 1) d"))
			.isZero();
		assertThat(storedTotal("SERVICES")).isEqualByComparingTo(totalBefore);
		assertThat(output).doesNotContain(again.sandbox().serviceAccount().clientSecret());
	}

	private static List<String> expectedRows(String org, String groupBy, YearMonth month) {
		MonthWindow window = MonthWindow.of(month);
		List<String> projects = groupBy.equals("projects") ? data.organization(org)
			.orElseThrow()
			.projects()
			.stream()
			.map(SandboxData.Project::id)
			.sorted()
			.toList() : List.of();
		List<String> services = groupBy.equals("services") ? CostExplorerServices.ALL : List.of();
		UsageQuery query = new UsageQuery(window.start(), window.end(), List.of(org), projects, List.of(), services,
				groupBy, false);
		return data.usageFor(org, query).stream().map(CostReportJobFunctionalTests::describe).toList();
	}

	private static String describe(UsageDetail row) {
		String key = (row.groupId() != null) ? row.groupId() + "/" + row.groupName() : row.service();
		return key + "=" + row.usageAmount().setScale(2, RoundingMode.UNNECESSARY) + "@" + row.usageDate();
	}

	private List<String> storedRows(String org, String groupBy, YearMonth month) throws SQLException {
		List<String> rows = new ArrayList<>();
		query("SELECT u.project_id, u.project_name, u.service, u.amount, u.usage_date FROM usage_row u"
				+ " JOIN cost_query q ON q.id = u.query_id WHERE COALESCE(u.organization_id, q.org_id) = ?"
				+ " AND q.group_by = ? AND q.window_start = ?", (rs) -> {
					String key = (rs.getString(1) != null) ? rs.getString(1) + "/" + rs.getString(2) : rs.getString(3);
					rows.add(key + "=" + rs.getBigDecimal(4) + "@" + rs.getDate(5).toLocalDate());
				}, org, groupBy, month.atDay(1));
		return rows;
	}

	private BigDecimal storedTotal(String org, String groupBy, YearMonth month) throws SQLException {
		List<BigDecimal> total = new ArrayList<>();
		query("SELECT COALESCE(SUM(u.amount), 0) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
				+ " WHERE COALESCE(u.organization_id, q.org_id) = ? AND q.group_by = ? AND q.window_start = ?",
				(rs) -> total.add(rs.getBigDecimal(1)), org, groupBy, month.atDay(1));
		return total.get(0);
	}

	private BigDecimal storedTotal(String groupBy) throws SQLException {
		List<BigDecimal> total = new ArrayList<>();
		query("SELECT SUM(u.amount) FROM usage_row u JOIN cost_query q ON q.id = u.query_id WHERE q.group_by = ?",
				(rs) -> total.add(rs.getBigDecimal(1)), groupBy);
		return total.get(0);
	}

	/** The rows of the job's groupings: the bill queries' rows are the Summary's. */
	private int storedRowCount() throws SQLException {
		return count("SELECT COUNT(*) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
				+ " WHERE q.group_by <> 'ORGANIZATIONS'");
	}

	private int count(String sql) throws SQLException {
		List<Integer> count = new ArrayList<>();
		query(sql, (rs) -> count.add(rs.getInt(1)));
		return count.get(0);
	}

	private void query(String sql, RowHandler handler, Object... params) throws SQLException {
		try (Connection connection = this.database.connect(this.dir);
				var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.handle(rs);
				}
			}
		}
	}

	/** An organization's closed month on the Summary: its own invoice's billed amount. */
	private BigDecimal billed(String org, YearMonth month) {
		return BigDecimal.valueOf(
				((Number) this.run.sandbox().invoices().invoice(org, month).get("amountBilledCents")).longValue(), 2);
	}

	/**
	 * An organization's open month on the Summary: its accrual, the stored month-end
	 * forecast plus the tax at its billing account's rate (the tax over the pre-tax
	 * billed amount of the account's invoices in its latest 3 closed months).
	 */
	private BigDecimal accrual(String org) throws SQLException {
		String account = SandboxData.ACME_SANDBOX.equals(org) ? SandboxData.ACME_PRODUCTION : org;
		List<BigDecimal> forecast = new ArrayList<>();
		query("SELECT forecast_amount FROM cost_forecast WHERE organization_id = ? AND billing_month = ?",
				(rs) -> forecast.add(rs.getBigDecimal(1)), org, NOW.atDay(1));
		List<long[]> months = new ArrayList<>();
		query("SELECT SUM(sales_tax_cents), SUM(amount_billed_cents - sales_tax_cents) FROM invoice"
				+ " WHERE paying_org_id = ? AND billing_month < ? GROUP BY billing_month ORDER BY billing_month DESC",
				(rs) -> months.add(new long[] { rs.getLong(1), rs.getLong(2) }), account, NOW.atDay(1));
		long tax = 0;
		long preTax = 0;
		for (long[] month : months.subList(0, Math.min(3, months.size()))) {
			tax += month[0];
			preTax += month[1];
		}
		BigDecimal rate = BigDecimal.valueOf(tax).divide(BigDecimal.valueOf(preTax), MathContext.DECIMAL64);
		assertThat(forecast).as("forecast of %s", org).hasSize(1);
		return forecast.get(0)
			.add(forecast.get(0).multiply(rate, MathContext.DECIMAL64))
			.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal grandTotalOf(Sheet sheet, FormulaEvaluator evaluator) {
		Row totals = sheet.getRow(sheet.getLastRowNum());
		for (int r = sheet.getLastRowNum(); r > 0; r--) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
					&& row.getCell(0).getStringCellValue().equals("Total")) {
				totals = row;
				break;
			}
		}
		Cell last = totals.getCell(totals.getLastCellNum() - 1);
		return cents(evaluator.evaluate(last).getNumberValue());
	}

	private static BigDecimal cents(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal sum(Stream<BigDecimal> amounts) {
		return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Path workbookPath() {
		return this.dir.resolve("reports").resolve("sandbox-demo_" + FROM + "_" + NOW + ".xlsx");
	}

	private List<CSVRecord> focusCsv() throws IOException {
		Path csv = this.dir.resolve("reports").resolve("sandbox-demo_" + FROM + "_" + NOW + ".focus.csv");
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
