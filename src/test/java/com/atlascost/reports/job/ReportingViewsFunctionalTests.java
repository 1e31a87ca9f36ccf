package com.atlascost.reports.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import static com.atlascost.reports.testsupport.WorkbookReader.cents;
import static com.atlascost.reports.testsupport.WorkbookReader.columnOf;
import static com.atlascost.reports.testsupport.WorkbookReader.open;
import static com.atlascost.reports.testsupport.WorkbookReader.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

/**
 * The BI views show what the workbook shows: one run with every grouping, then each
 * {@code monthly_cost_by_*} view against its grouping's sheet, cell by cell, and against
 * the Summary sheet, to the cent, with the same provisional months.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingViewsFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	/**
	 * Only the open month is provisional whatever the day of the month the test runs on
	 * (with the default five settlement days, last month is still provisional on the
	 * 2nd).
	 */
	private static final String SETTLED_AT_MONTH_END = "--usage.settlement-days=0";

	private static final YearMonth FROM = NOW.minusMonths(2);

	private static final View ORGANIZATIONS = new View("monthly_cost_by_organization", "Organizations",
			"organization_id", null, "(no organization)");

	private static final View PROJECTS = new View("monthly_cost_by_project", "Projects", "project_id", "project_name",
			"(no project)");

	private static final View CLUSTERS = new View("monthly_cost_by_cluster", "Clusters", "cluster_id", "cluster_name",
			"(no cluster)");

	private static final View SERVICES = new View("monthly_cost_by_service", "Services", null, "service",
			"(no service)");

	@Parameter
	TestDatabase database;

	@TempDir
	static Path root;

	private Path dir;

	private @Nullable TestDatabase ranOn;

	/**
	 * Runs the job once per database, before the first test; the tests read what it left.
	 * One instance serves both databases (per-class lifecycle), and JUnit's
	 * per-invocation hooks run before the database is injected, hence the check.
	 */
	@BeforeEach
	void runEveryGroupingOverThreeMonthsOncePerDatabase() throws Exception {
		if (this.ranOn == this.database) {
			return;
		}
		this.dir = Files.createDirectories(root.resolve(this.database.vendor()));
		Path dir = this.dir;
		Path job = dir.resolve("all-groupings.yml");
		// Partial matches included, so that charges without a project or cluster make
		// lines with a NULL id in the views and "(no project)" lines in the workbook.
		Files.writeString(job, """
				name: all-groupings
				groupBy: [organizations, projects, clusters, services]
				includePartialMatches: true
				organizations:
				  - id: %s
				    label: Production
				    clusters: [7b1c2d3e4f5a60718293b4c1, 7b1c2d3e4f5a60718293b4c2, 7b1c2d3e4f5a60718293b4c3]
				  - id: %s
				    label: Analytics
				    clusters: [7b1c2d3e4f5a60718293b4d1, 7b1c2d3e4f5a60718293b4d3]
				""".formatted(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS));
		SandboxRun run = SandboxRun.of(this.database, dir, "--job=" + job, "--sandbox", "--from=" + FROM, "--to=" + NOW,
				SETTLED_AT_MONTH_END);
		assertThat(run.exitCode()).isZero();
		this.ranOn = this.database;
	}

	@Test
	void organizationViewHoldsEveryOrgMonthsCompleteBillNotTheFilteredOrganizationsGrouping() throws Exception {
		// the job filters clusters, so its organizations grouping is a breakdown; the
		// view
		// holds the bill: every charge of the org-month, as the sandbox bills it
		SandboxData data = new SandboxData(java.time.Clock.systemUTC());
		Map<String, BigDecimal> fromView = new HashMap<>();
		for (ViewRow row : rows(ORGANIZATIONS)) {
			fromView.merge(row.key() + " | " + row.month(), row.amount(), BigDecimal::add);
		}
		Map<String, BigDecimal> billed = new HashMap<>();
		// Acme Sandbox Org's bill comes with Acme Production's, which pays for it
		for (String org : List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS, SandboxData.ACME_SANDBOX)) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				billed.put(org + " | " + month,
						data.lineItems(org, month)
							.stream()
							.map(SandboxData.LineItem::amount)
							.reduce(BigDecimal.ZERO, BigDecimal::add));
			}
		}
		assertSameAmounts(fromView, billed);
	}

	@Test
	void projectViewEqualsTheProjectsSheet() throws Exception {
		assertViewEqualsSheet(PROJECTS);
	}

	@Test
	void clusterViewEqualsTheClustersSheet() throws Exception {
		assertViewEqualsSheet(CLUSTERS);
	}

	@Test
	void serviceViewEqualsTheServicesSheet() throws Exception {
		assertViewEqualsSheet(SERVICES);
	}

	/**
	 * The organization view holds usage (Cost Explorer's complete cost, before tax); the
	 * Summary's headline is the bill (billed, or the open month's accrual), its usage the
	 * "Usage (before tax)" column: each month's view rows add up to it, and the view's
	 * organizations are the Summary's organization columns.
	 */
	@Test
	void organizationViewEqualsTheSummarySheetsUsageColumn() throws Exception {
		Map<String, BigDecimal> byOrganization = new HashMap<>();
		Map<String, BigDecimal> fromView = new HashMap<>();
		Set<String> organizationsInView = new TreeSet<>();
		for (ViewRow row : rows(ORGANIZATIONS)) {
			byOrganization.merge(row.organizationLabel() + " | " + row.month(), row.amount(), BigDecimal::add);
			fromView.merge(row.month().toString(), row.amount(), BigDecimal::add);
			organizationsInView.add(row.organizationLabel());
		}
		Map<String, BigDecimal> fromSheet = new HashMap<>();
		Set<String> organizationsInSheet = new TreeSet<>();
		try (XSSFWorkbook workbook = workbook()) {
			Sheet summary = workbook.getSheet("Summary");
			Row labels = summary.getRow(0);
			int usage = columnOf(summary, 0, "Usage (before tax)");
			for (int i = 0; FROM.plusMonths(i).compareTo(NOW) <= 0; i++) {
				Row row = summary.getRow(2 + i);
				fromSheet.put(FROM.plusMonths(i).toString(), cents(row.getCell(usage).getNumericCellValue()));
			}
			for (int column = 1; !labels.getCell(column).getStringCellValue().equals("Total"); column++) {
				String label = labels.getCell(column).getStringCellValue();
				if (!label.endsWith(" (billing account)")) {
					organizationsInSheet.add(label);
				}
			}
		}
		assertThat(byOrganization).as("2 organizations and the linked one, 3 months").hasSize(3 * 3);
		assertThat(organizationsInView).containsExactlyElementsOf(organizationsInSheet)
			.containsExactly("Acme Sandbox Org", "Analytics", "Production");
		assertSameAmounts(fromView, fromSheet);
	}

	@Test
	void viewsDoNotMixGroupings() throws Exception {
		// Each grouping answers for the same money; a view that read another grouping's
		// rows would count it twice.
		try (Connection connection = this.database.connect(this.dir)) {
			BigDecimal stored = single(connection, "SELECT SUM(u.amount) FROM usage_row u"
					+ " JOIN cost_query q ON q.id = u.query_id WHERE q.group_by = 'SERVICES'");
			BigDecimal viewed = single(connection, "SELECT SUM(amount) FROM monthly_cost_by_service");
			assertThat(viewed).isEqualByComparingTo(stored);
			BigDecimal all = single(connection, "SELECT SUM(amount) FROM usage_row");
			assertThat(viewed).isLessThan(all);
		}
	}

	private void assertViewEqualsSheet(View view) throws Exception {
		Map<String, BigDecimal> fromView = new HashMap<>();
		Set<YearMonth> provisionalInView = new TreeSet<>();
		Set<YearMonth> monthsInView = new HashSet<>();
		for (ViewRow row : rows(view)) {
			assertThat(row.amount().scale()).as("exactly two decimals in %s", view.name()).isEqualTo(2);
			fromView.merge(row.organizationLabel() + " | " + row.key() + " | " + row.month(), row.amount(),
					BigDecimal::add);
			monthsInView.add(row.month());
			if (row.provisional()) {
				provisionalInView.add(row.month());
			}
		}
		Map<String, BigDecimal> fromSheet = new HashMap<>();
		Set<YearMonth> provisionalInSheet = new TreeSet<>();
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet(view.sheet());
			Row header = sheet.getRow(0);
			int firstMonthColumn = (view.idColumn() != null) ? 3 : 2;
			Map<Integer, YearMonth> months = new HashMap<>();
			for (int column = firstMonthColumn; !header.getCell(column)
				.getStringCellValue()
				.equals("Total"); column++) {
				String title = header.getCell(column).getStringCellValue();
				YearMonth month = YearMonth.parse(title.substring(0, 7));
				months.put(column, month);
				if (title.endsWith("(provisional)")) {
					provisionalInSheet.add(month);
				}
			}
			for (int r = 1; !sheet.getRow(r).getCell(0).getStringCellValue().equals("Total"); r++) {
				Row line = sheet.getRow(r);
				String id = (view.idColumn() != null) ? text(line.getCell(2)) : "";
				String key = id.isEmpty() ? text(line.getCell(1)) : id;
				for (Map.Entry<Integer, YearMonth> month : months.entrySet()) {
					fromSheet.merge(text(line.getCell(0)) + " | " + key + " | " + month.getValue(),
							cents(line.getCell(month.getKey()).getNumericCellValue()), BigDecimal::add);
				}
			}
		}
		assertThat(monthsInView).as("every month of the run is in %s", view.name()).hasSize(3);
		assertThat(fromView).as("%s has rows", view.name()).isNotEmpty();
		assertSameAmounts(fromView, fromSheet);
		assertThat(provisionalInView).as("provisional months of %s", view.name())
			.containsExactlyElementsOf(provisionalInSheet)
			.containsExactly(NOW);
	}

	private static void assertSameAmounts(Map<String, BigDecimal> fromView, Map<String, BigDecimal> fromSheet) {
		Set<String> keys = new TreeSet<>(fromView.keySet());
		keys.addAll(fromSheet.keySet());
		BigDecimal viewTotal = BigDecimal.ZERO;
		BigDecimal sheetTotal = BigDecimal.ZERO;
		for (String key : keys) {
			BigDecimal viewed = fromView.getOrDefault(key, BigDecimal.ZERO);
			BigDecimal shown = fromSheet.getOrDefault(key, BigDecimal.ZERO);
			assertThat(viewed).as(key).isEqualByComparingTo(shown);
			viewTotal = viewTotal.add(viewed);
			sheetTotal = sheetTotal.add(shown);
		}
		assertThat(viewTotal).isEqualByComparingTo(sheetTotal).isNotZero();
	}

	private List<ViewRow> rows(View view) throws SQLException {
		List<ViewRow> rows = new ArrayList<>();
		String sql = "SELECT organization_label, " + ((view.idColumn() != null) ? view.idColumn() : "NULL") + ", "
				+ ((view.nameColumn() != null) ? view.nameColumn() : "NULL")
				+ ", billing_month, amount, provisional FROM " + view.name();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String id = rs.getString(2);
				String name = rs.getString(3);
				String key = (id != null) ? id : (name != null) ? name : view.missingLabel();
				rows.add(new ViewRow(rs.getString(1), key, YearMonth.from(rs.getObject(4, LocalDate.class)),
						rs.getBigDecimal(5), rs.getBoolean(6)));
			}
		}
		return rows;
	}

	private static BigDecimal single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getBigDecimal(1);
		}
	}

	private XSSFWorkbook workbook() throws Exception {
		return open(this.dir.resolve("reports").resolve("all-groupings_" + FROM + "_" + NOW + ".xlsx"));
	}

	/** A view and the workbook sheet of the same grouping. */
	private record View(String name, String sheet, @Nullable String idColumn, @Nullable String nameColumn,
			String missingLabel) {
	}

	private record ViewRow(String organizationLabel, String key, YearMonth month, BigDecimal amount,
			boolean provisional) {
	}

}
