package com.atlascost.reports.job;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.WorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A billing account end to end, on H2 and PostgreSQL: the job names only Acme Production,
 * which pays for Acme Sandbox Org (cross-organization billing in the sandbox). The linked
 * organization is found in the paying invoices, its usage fetched on the payer's path
 * ({@code organizations: [payer, linked]}), and it is reported by its name in the
 * workbook, the views and the FOCUS file.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingAccountFunctionalTests {

	static final String PAYER = SandboxData.ACME_PRODUCTION;

	static final String LINKED = SandboxData.ACME_SANDBOX;

	static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	static final YearMonth FROM = NOW.minusMonths(2);

	static final String JOB = """
			name: account
			groupBy: [projects, services]
			organizations:
			  - id: %s
			    label: Acme Production
			    projects: all
			""".formatted(PAYER);

	@Parameter
	TestDatabase database;

	@TempDir
	static Path root;

	private AtlasSandbox sandbox;

	private Path dir;

	private int exit;

	private TestDatabase ranOn;

	@BeforeEach
	void runTheJobOncePerDatabase() throws Exception {
		if (this.ranOn == this.database) {
			return;
		}
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
		this.sandbox = AtlasSandbox.start();
		this.dir = root.resolve(this.database.vendor());
		Files.createDirectories(this.dir);
		Path job = this.dir.resolve("account.yml");
		Files.writeString(job, JOB);
		this.exit = SandboxRun
			.of(this.database, this.dir, "--job=" + job, "--from=" + FROM, "--to=" + NOW,
					"--run-date=" + LocalDate.now(ZoneOffset.UTC), "--atlas.base-url=" + this.sandbox.baseUrl(),
					"--MONGODB_ATLAS_CLIENT_ID=" + this.sandbox.serviceAccount().clientId(),
					"--MONGODB_ATLAS_CLIENT_SECRET=" + this.sandbox.serviceAccount().clientSecret())
			.exitCode();
		this.ranOn = this.database;
	}

	@AfterAll
	void stopSandbox() {
		this.sandbox.stop();
	}

	/**
	 * The linked organization's column shows its bill: the billed amount of its own
	 * invoice for a closed month, its accrual for the open one (its month-end forecast:
	 * Acme Production's account pays no tax in the sandbox).
	 */
	@Test
	void theSummaryHasAColumnForTheLinkedOrganizationByNameWithItsBill() throws Exception {
		assertThat(this.exit).isZero();
		try (XSSFWorkbook workbook = WorkbookReader.open(report("xlsx"))) {
			Sheet summary = workbook.getSheet("Summary");
			int column = WorkbookReader.columnOf(summary, 0, "Acme Sandbox Org");
			assertThat(column).isPositive();
			assertThat(summary.getRow(1).getCell(column).getStringCellValue()).isEqualTo(LINKED);
			assertThat(WorkbookReader.columnOf(summary, 0, "Acme Production")).isPositive();
			for (int i = 0; i < 3; i++) {
				Row row = summary.getRow(2 + i);
				YearMonth month = FROM.plusMonths(i);
				Cell cell = row.getCell(column);
				BigDecimal bill = month.equals(NOW) ? forecast(LINKED)
						: cents(this.sandbox.invoices().invoice(LINKED, month).get("amountBilledCents"));
				assertThat(WorkbookReader.cents(cell)).as("%s", month).isEqualByComparingTo(bill);
			}
		}
	}

	/** The open month's usage forecast the report step stored for an organization. */
	private BigDecimal forecast(String org) throws SQLException {
		List<List<String>> forecast = rows("SELECT forecast_amount FROM cost_forecast WHERE organization_id = '" + org
				+ "' AND billing_month = DATE '" + NOW.atDay(1) + "'");
		assertThat(forecast).hasSize(1);
		return new BigDecimal(forecast.get(0).get(0)).setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	@Test
	void theViewsHaveTheLinkedOrganizationsOwnRowsUnderItsPayer() throws Exception {
		for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
			List<List<String>> byOrg = rows("SELECT organization_id, organization_label, amount, billing_account_id"
					+ " FROM monthly_cost_by_organization WHERE billing_month = DATE '" + month.atDay(1)
					+ "' ORDER BY organization_id");
			assertThat(byOrg).as("%s", month)
				.containsExactly(List.of(PAYER, "Acme Production", usage(PAYER, month).toPlainString(), PAYER),
						List.of(LINKED, "Acme Sandbox Org", usage(LINKED, month).toPlainString(), PAYER));
			List<List<String>> projects = rows(
					"SELECT project_name, amount FROM monthly_cost_by_project" + " WHERE organization_id = '" + LINKED
							+ "' AND billing_month = DATE '" + month.atDay(1) + "' ORDER BY project_name");
			assertThat(projects).extracting((row) -> row.get(0)).containsExactly("experiments", "playground");
			List<List<String>> services = rows("SELECT SUM(amount) FROM monthly_cost_by_service"
					+ " WHERE organization_id = '" + LINKED + "' AND billing_month = DATE '" + month.atDay(1) + "'");
			assertThat(new BigDecimal(services.get(0).get(0))).as("services of %s", month)
				.isEqualByComparingTo(usage(LINKED, month));
		}
	}

	@Test
	void theFocusFileNamesTheLinkedOrganizationAndSumsToEachAccountsInvoices() throws Exception {
		Map<String, BigDecimal> byAccountMonth = new TreeMap<>();
		List<CSVRecord> records = focusCsv();
		for (CSVRecord record : records) {
			if (record.get("x_OrganizationId").equals(LINKED)) {
				assertThat(record.get("x_OrganizationName")).isEqualTo("Acme Sandbox Org");
				assertThat(record.get("BillingAccountId")).isEqualTo(PAYER);
				assertThat(record.get("BillingAccountName")).isEqualTo("Acme Production");
			}
			byAccountMonth.merge(
					record.get("BillingAccountId") + " " + record.get("BillingPeriodStart").substring(0, 7),
					new BigDecimal(record.get("BilledCost")), BigDecimal::add);
		}
		assertThat(records).filteredOn((record) -> record.get("x_OrganizationId").equals(LINKED)).isNotEmpty();
		Map<String, BigDecimal> expected = new TreeMap<>();
		for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
			Map<String, Object> invoice = this.sandbox.invoices().invoice(PAYER, month);
			BigDecimal billed = cents(invoice.get("amountBilledCents"));
			for (Object linked : (List<?>) invoice.get("linkedInvoices")) {
				billed = billed.add(cents(((Map<?, ?>) linked).get("amountBilledCents")));
			}
			expected.put(PAYER + " " + month, billed);
		}
		assertThat(byAccountMonth).isEqualTo(expected);
	}

	/** What the sandbox bills the organization for the month: its line items' sum. */
	private BigDecimal usage(String org, YearMonth month) {
		return this.sandbox.data()
			.lineItems(org, month)
			.stream()
			.map(SandboxData.LineItem::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2);
	}

	private List<List<String>> rows(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private Path report(String extension) {
		return this.dir.resolve("reports").resolve("account_" + FROM + "_" + NOW + "." + extension);
	}

	private List<CSVRecord> focusCsv() throws IOException {
		try (Reader reader = Files.newBufferedReader(report("focus.csv"), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static BigDecimal cents(Object value) {
		return BigDecimal.valueOf(((Number) value).longValue(), 2);
	}

}
