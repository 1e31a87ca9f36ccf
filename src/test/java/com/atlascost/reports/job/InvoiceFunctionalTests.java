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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.JobFixtures;
import com.atlascost.reports.sandbox.SandboxInvoices;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.WorkbookReader;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices end to end, on H2 and PostgreSQL: a job with tags runs twice (two nights)
 * against one sandbox over HTTP; the tests read the database, the workbook's
 * Reconciliation and Tags sheets and the FOCUS CSV, and compare them with the sandbox's
 * invoices.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class InvoiceFunctionalTests {

	static final String PRODUCTION = SandboxData.ACME_PRODUCTION;

	static final String ANALYTICS = SandboxData.ACME_ANALYTICS;

	static final String JAPAN = SandboxData.ACME_JAPAN;

	static final String LINKED = SandboxData.ACME_SANDBOX;

	static final List<String> ORGS = List.of(PRODUCTION, ANALYTICS, JAPAN);

	static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	static final YearMonth FROM = NOW.minusMonths(2);

	static final String JOB = JobFixtures.INVOICES;

	private static final List<String> MANDATORY = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
			"BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
			"ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
			"InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
			"ServiceCategory", "ServiceName");

	private static final Set<String> SERVICE_CATEGORIES = Set.of("AI and Machine Learning", "Analytics",
			"Business Applications", "Compute", "Databases", "Developer Tools", "Multicloud", "Identity", "Integration",
			"Internet of Things", "Management and Governance", "Media", "Migration", "Mobile", "Networking", "Security",
			"Storage", "Web", "Other");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

	@Parameter
	TestDatabase database;

	@TempDir
	static Path root;

	private AtlasSandbox sandbox;

	private Path dir;

	private int firstExit;

	private int secondExit;

	private String firstOutput;

	private Map<String, Integer> countsAfterFirst;

	private TestDatabase ranOn;

	@BeforeEach
	void runTheJobOnTwoNightsOncePerDatabase(CapturedOutput output) throws Exception {
		if (this.ranOn == this.database) {
			return;
		}
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
		this.sandbox = AtlasSandbox.start();
		this.dir = root.resolve(this.database.vendor());
		Files.createDirectories(this.dir);
		Path job = this.dir.resolve("invoices.yml");
		Files.writeString(job, JOB);
		int before = output.getOut().length();
		this.firstExit = run(this.database, this.dir, this.sandbox, job, LocalDate.now(ZoneOffset.UTC));
		this.firstOutput = output.getOut().substring(before);
		this.countsAfterFirst = counts();
		// the second night reads the listings one invoice a page
		this.secondExit = run(this.database, this.dir, this.sandbox, job, LocalDate.now(ZoneOffset.UTC).plusDays(1),
				"--atlas.items-per-page=1");
		this.ranOn = this.database;
	}

	@AfterAll
	void stopSandbox() {
		this.sandbox.stop();
	}

	static int run(TestDatabase database, Path dir, AtlasSandbox sandbox, Path job, LocalDate runDate, String... more) {
		List<String> args = new ArrayList<>(List.of("--job=" + job, "--from=" + FROM, "--to=" + NOW,
				"--run-date=" + runDate, "--atlas.base-url=" + sandbox.baseUrl(),
				"--MONGODB_ATLAS_CLIENT_ID=" + sandbox.serviceAccount().clientId(),
				"--MONGODB_ATLAS_CLIENT_SECRET=" + sandbox.serviceAccount().clientSecret()));
		args.addAll(List.of(more));
		return SandboxRun.of(database, dir, args.toArray(String[]::new)).exitCode();
	}

	@Test
	void bothRunsSucceedAndTheSecondFetchesOnlyWhatMayHaveChanged() throws SQLException {
		assertThat(this.firstExit).isZero();
		assertThat(this.secondExit).isZero();
		assertThat(counts()).isEqualTo(this.countsAfterFirst);
		// three orgs and the linked one, three months each
		assertThat(this.countsAfterFirst.get("invoice")).isEqualTo(4 * 3);
		for (String org : ORGS) {
			for (YearMonth month = FROM; month.isBefore(NOW); month = month.plusMonths(1)) {
				assertThat(this.sandbox.invoices().fetchesOf(SandboxInvoices.invoiceId(org, month)))
					.as("settled invoice of %s %s fetched once over both runs", org, month)
					.isEqualTo(1);
			}
			assertThat(this.sandbox.invoices().fetchesOf(SandboxInvoices.invoiceId(org, NOW)))
				.as("the open month comes from listPendingInvoices")
				.isZero();
		}
		assertThat(this.sandbox.invoices().pendingListCalls()).isEqualTo(2 * ORGS.size());
		// one page of three invoices per org, then three pages of one
		assertThat(this.sandbox.invoices().listCalls()).isEqualTo(ORGS.size() + 3 * ORGS.size());
		int lines = 0;
		for (String org : List.of(PRODUCTION, ANALYTICS, JAPAN)) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				lines += lineItems(org, month).size();
			}
		}
		for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
			lines += lineItems(LINKED, month).size();
		}
		assertThat(this.countsAfterFirst.get("invoice_line_item")).isEqualTo(lines);
	}

	@Test
	void theReconciliationSheetShowsEachBilledAmountAndAnAdjustmentAsExactlyTheDifference() throws Exception {
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet("Reconciliation");
			assertThat(sheet).isNotNull();
			Map<String, Row> byInvoice = new HashMap<>();
			for (Row row : sheet) {
				Cell id = row.getCell(3);
				if (row.getRowNum() > 0 && id != null && id.getCellType() == CellType.STRING) {
					byInvoice.put(id.getStringCellValue(), row);
				}
			}
			// the linked organization has its own lines: its usage is fetched on its
			// payer's path
			assertThat(byInvoice).hasSize((ORGS.size() + 1) * 3);
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				Row row = byInvoice.get(SandboxInvoices.invoiceId(LINKED, month));
				assertThat(WorkbookReader.cents(row.getCell(5))).as("linked %s", month)
					.isEqualByComparingTo(usage(LINKED, month));
				assertThat(WorkbookReader.cents(row.getCell(10))).as("linked %s", month).isEqualByComparingTo("0");
			}
			for (String org : ORGS) {
				for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
					Map<String, Object> invoice = this.sandbox.invoices().invoice(org, month);
					Row row = byInvoice.get(SandboxInvoices.invoiceId(org, month));
					String what = org + " " + month;
					BigDecimal billed = cents(invoice.get("amountBilledCents"));
					BigDecimal usage = usage(org, month);
					assertThat(row.getCell(9).getCellType()).as(what).isEqualTo(CellType.NUMERIC);
					assertThat(WorkbookReader.cents(row.getCell(9))).as(what).isEqualByComparingTo(billed);
					assertThat(WorkbookReader.cents(row.getCell(5))).as(what).isEqualByComparingTo(usage);
					assertThat(WorkbookReader.cents(row.getCell(8))).as(what)
						.isEqualByComparingTo(cents(invoice.get("salesTaxCents")));
					assertThat(row.getCell(10).getCellFormula())
						.isEqualTo("F" + (row.getRowNum() + 1) + "-J" + (row.getRowNum() + 1));
					BigDecimal difference = WorkbookReader.cents(row.getCell(10));
					assertThat(difference).as(what).isEqualByComparingTo(usage.subtract(billed));
					// tax and the noted true-up explain every difference of these months
					assertThat(row.getCell(11).getStringCellValue()).as(what).isEqualTo("yes");
					String reason = row.getCell(12).getStringCellValue();
					boolean trueUp = org.equals(PRODUCTION) && month.getMonthValue() % 2 == 0;
					if (trueUp) {
						assertThat(difference).as(what).isEqualByComparingTo("-150.00");
						assertThat(reason).contains("noted invoice lines, with no usage counterpart 150.00")
							.contains(SandboxInvoices.TRUE_UP_NOTE);
					}
					if (!org.equals(PRODUCTION)) {
						assertThat(difference).as(what)
							.isEqualByComparingTo(cents(invoice.get("salesTaxCents")).negate());
						assertThat(reason).contains("sales tax " + cents(invoice.get("salesTaxCents")).toPlainString());
					}
					if (org.equals(PRODUCTION) && !trueUp) {
						assertThat(difference).as(what).isEqualByComparingTo("0");
					}
					assertThat(reason.contains("open month")).as(what).isEqualTo(month.equals(NOW));
				}
			}
			// nothing unexplained in these months: nothing shaded
			assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isZero();
		}
	}

	@Test
	void theRunSummaryFlagsNoOrgMonthWhenTaxAndNotedLinesExplainEveryDifference() {
		String line = this.firstOutput.lines()
			.filter((l) -> l.contains("Not reconciled:"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no 'Not reconciled' in the run summary"));
		assertThat(line).endsWith("Not reconciled: none");
	}

	@Test
	void eachTagKeyAddsUpToTheInvoiceInTheWorkbookAndTheView() throws Exception {
		Map<String, BigDecimal> sheetTotals = new TreeMap<>();
		Map<String, BigDecimal> teamValues = new TreeMap<>();
		try (XSSFWorkbook workbook = workbook()) {
			Sheet sheet = workbook.getSheet("Tags");
			assertThat(sheet).isNotNull();
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || row.getCell(5) == null || row.getCell(4) == null) {
					continue;
				}
				String value = row.getCell(4).getStringCellValue();
				String key = row.getCell(1).getStringCellValue() + " "
						+ YearMonth.from(row.getCell(2).getLocalDateTimeCellValue()) + " "
						+ row.getCell(3).getStringCellValue();
				assertThat(row.getCell(5).getCellType()).isIn(CellType.NUMERIC, CellType.FORMULA);
				if (value.equals("Total")) {
					assertThat(row.getCell(5).getCellFormula()).startsWith("SUM(");
					sheetTotals.put(key, WorkbookReader.cents(row.getCell(5)));
				}
				else if (key.endsWith(" team")) {
					teamValues.merge(key + " " + value, WorkbookReader.cents(row.getCell(5)), BigDecimal::add);
				}
			}
		}
		for (String org : ORGS) {
			for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
				BigDecimal billed = cents(this.sandbox.invoices().invoice(org, month).get("amountBilledCents"));
				for (String key : List.of("team", "env")) {
					assertThat(sheetTotals.get(org + " " + month + " " + key)).as("%s %s %s", org, month, key)
						.isEqualByComparingTo(billed);
					assertThat(viewTotal(org, month, key)).as("view %s %s %s", org, month, key)
						.isEqualByComparingTo(billed);
				}
			}
		}
		String october = PRODUCTION + " " + FROM + " team ";
		assertThat(teamValues).containsKeys(october + "payments", october + "web", october + "search",
				october + "(untagged)");
		assertThat(teamValues).containsKey(JAPAN + " " + FROM + " team 決済");
		assertThat(teamValues.get(october + "payments"))
			.isEqualByComparingTo(taggedTotal(PRODUCTION, FROM, "payments"));
	}

	@Test
	void theFocusCsvHasEveryMandatoryColumnWithValidValuesAndSumsToEachInvoiceOnce() throws Exception {
		List<CSVRecord> records = focusCsv();
		assertThat(records.get(0).getParser().getHeaderNames()).containsAll(MANDATORY);
		JsonMapper json = JsonMapper.builder().build();
		Map<String, BigDecimal> byInvoice = new TreeMap<>();
		Map<String, BigDecimal> byAccountMonth = new TreeMap<>();
		for (CSVRecord record : records) {
			for (String column : List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost")) {
				assertThat(record.get(column)).as(column).matches(DECIMAL);
			}
			assertThat(record.get("BillingCurrency")).isEqualTo("USD");
			for (String column : List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart",
					"ChargePeriodEnd")) {
				assertThat(record.get(column)).as(column).matches(DATE_TIME);
			}
			String category = record.get("ChargeCategory");
			assertThat(category).isIn("Usage", "Purchase", "Tax", "Credit", "Adjustment");
			assertThat(record.get("ChargeClass")).isIn("", "Correction");
			assertThat(record.get("ServiceCategory")).isIn(SERVICE_CATEGORIES);
			for (String column : List.of("BillingAccountId", "BillingAccountName", "ChargeDescription",
					"InvoiceIssuerName", "ProviderName", "PublisherName", "ServiceName")) {
				assertThat(record.get(column)).as(column).isNotBlank();
			}
			if (category.equals("Usage") || category.equals("Purchase")) {
				assertThat(record.get("PricingQuantity")).matches(DECIMAL);
				assertThat(record.get("PricingUnit")).isNotBlank();
			}
			assertThat(record.get("EffectiveCost")).isEqualTo(record.get("BilledCost"));
			assertThat(new BigDecimal(record.get("ListCost")))
				.isEqualByComparingTo(new BigDecimal(record.get("BilledCost")));
			JsonNode tags = json.readTree(record.get("Tags"));
			assertThat(tags.isObject()).isTrue();
			if (record.get("SkuId").equals("CREDIT")) {
				assertThat(category).isEqualTo("Credit");
				assertThat(record.get("ServiceName")).isEqualTo("Credits");
			}
			if (record.get("SkuId").startsWith("ATLAS_AWS_INSTANCE")) {
				assertThat(record.get("ServiceName")).isEqualTo("Clusters");
				assertThat(record.get("ServiceCategory")).isEqualTo("Databases");
				assertThat(record.get("ResourceName")).isNotBlank();
				assertThat(record.get("SubAccountId")).matches("[a-f0-9]{24}");
			}
			assertThat(record.get("x_Provisional"))
				.isEqualTo(Boolean.toString(record.get("BillingPeriodStart").startsWith(NOW.toString())));
			BigDecimal billed = new BigDecimal(record.get("BilledCost"));
			byInvoice.merge(record.get("InvoiceId"), billed, BigDecimal::add);
			byAccountMonth.merge(
					record.get("BillingAccountId") + " " + record.get("BillingPeriodStart").substring(0, 7), billed,
					BigDecimal::add);
		}
		assertThat(records).filteredOn((r) -> r.get("ChargeCategory").equals("Tax")).hasSize(2 * 3);
		assertThat(records).filteredOn((r) -> r.get("SubAccountName").equals("決済基盤")).isNotEmpty();
		assertThat(byInvoice).hasSize(4 * 3);
		for (YearMonth month = FROM; !month.isAfter(NOW); month = month.plusMonths(1)) {
			for (String org : ORGS) {
				Map<String, Object> invoice = this.sandbox.invoices().invoice(org, month);
				BigDecimal billed = cents(invoice.get("amountBilledCents"));
				assertThat(byInvoice.get(SandboxInvoices.invoiceId(org, month))).as("%s %s", org, month)
					.isEqualByComparingTo(billed);
				BigDecimal linked = BigDecimal.ZERO;
				for (Object other : (List<?>) invoice.get("linkedInvoices")) {
					linked = linked.add(cents(((Map<?, ?>) other).get("amountBilledCents")));
				}
				assertThat(byAccountMonth.get(org + " " + month)).as("account %s %s", org, month)
					.isEqualByComparingTo(billed.add(linked));
			}
			assertThat(byInvoice.get(SandboxInvoices.invoiceId(LINKED, month))).isNotNull();
		}
	}

	private List<Map<String, Object>> lineItems(String org, YearMonth month) {
		Map<String, Object> invoice = this.sandbox.invoices().invoice(org, month);
		if (org.equals(LINKED)) {
			invoice = castMap(
					((List<?>) this.sandbox.invoices().invoice(PRODUCTION, month).get("linkedInvoices")).get(0));
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Object line : (List<?>) invoice.get("lineItems")) {
			lines.add(castMap(line));
		}
		return lines;
	}

	private BigDecimal taggedTotal(String org, YearMonth month, String team) {
		long cents = 0;
		for (Map<String, Object> line : lineItems(org, month)) {
			Object tags = line.get("tags");
			if (tags instanceof Map<?, ?> map && map.get("team") instanceof List<?> values && values.contains(team)) {
				cents += ((Number) line.get("totalPriceCents")).longValue();
			}
		}
		return BigDecimal.valueOf(cents, 2);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	private BigDecimal usage(String org, YearMonth month) {
		SandboxData data = this.sandbox.data();
		return data.lineItems(org, month)
			.stream()
			.map(SandboxData.LineItem::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal viewTotal(String org, YearMonth month, String key) throws SQLException {
		return query("SELECT COALESCE(SUM(amount), 0) FROM monthly_cost_by_tag WHERE organization_id = '" + org
				+ "' AND billing_month = DATE '" + month.atDay(1) + "' AND tag_key = '" + key + "'");
	}

	private BigDecimal query(String sql) throws SQLException {
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getBigDecimal(1);
		}
	}

	private Map<String, Integer> counts() throws SQLException {
		Map<String, Integer> counts = new TreeMap<>();
		for (String table : List.of("invoice", "invoice_line_item", "invoice_line_tag", "usage_row")) {
			counts.put(table, query("SELECT COUNT(*) FROM " + table).intValueExact());
		}
		return counts;
	}

	private XSSFWorkbook workbook() throws IOException {
		return WorkbookReader.open(this.dir.resolve("reports").resolve("invoices_" + FROM + "_" + NOW + ".xlsx"));
	}

	private List<CSVRecord> focusCsv() throws IOException {
		Path csv = this.dir.resolve("reports").resolve("invoices_" + FROM + "_" + NOW + ".focus.csv");
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static BigDecimal cents(Object value) {
		return BigDecimal.valueOf(((Number) value).longValue(), 2);
	}

}
