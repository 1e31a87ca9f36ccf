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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.invoice.StoredReconciliation;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxInvoices;
import com.atlascost.reports.testsupport.JobFixtures;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.WorkbookReader;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation that alarms only on the unexplained, and a settled month that heals, on
 * H2 and PostgreSQL: the sandbox demo runs (its only unexplained difference is Acme
 * Analytics' private endpoint line three months back), then Atlas posts a late charge to
 * one of Acme Production's settled months and the job runs the next night. The tests read
 * the workbooks, the run summaries, the views and {@code usage_revision}.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ReconciliationFunctionalTests {

	static final String PRODUCTION = SandboxData.ACME_PRODUCTION;

	static final String ANALYTICS = SandboxData.ACME_ANALYTICS;

	static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	static final YearMonth FROM = NOW.minusMonths(4);

	static final YearMonth UNEXPLAINED = NOW.minusMonths(SandboxInvoices.UNEXPLAINED_MONTHS_BACK);

	/** The settled month Atlas adds a charge to after the first night. */
	static final YearMonth LATE = NOW.minusMonths(2);

	static final BigDecimal LATE_CHARGE = new BigDecimal("45.67");

	@Parameter
	TestDatabase database;

	@TempDir
	static Path root;

	private AtlasSandbox sandbox;

	private Path dir;

	private TestDatabase ranOn;

	private String firstOutput;

	private String secondOutput;

	private Path firstWorkbook;

	private Map<String, List<String>> viewAfterFirst;

	private List<ReconciliationLine> javaAfterFirst;

	private long billedBefore;

	private BigDecimal usageBefore;

	@BeforeEach
	void runTheDemoThenTheNextNightAfterALateCharge(CapturedOutput output) throws Exception {
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
		Files.writeString(job, JobFixtures.INVOICES);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		int before = output.getOut().length();
		assertThat(run(job, today)).isZero();
		this.firstOutput = output.getOut().substring(before);
		this.firstWorkbook = this.dir.resolve("first.xlsx");
		Files.move(workbookFile(), this.firstWorkbook);
		this.viewAfterFirst = view();
		try (Connection connection = this.database.connect(this.dir)) {
			this.javaAfterFirst = StoredReconciliation.of(connection);
		}
		this.billedBefore = billedCents(PRODUCTION, LATE);
		this.usageBefore = sandboxUsage(PRODUCTION, LATE);
		this.sandbox.invoices().postLateCharge(PRODUCTION, LATE, LATE_CHARGE);
		before = output.getOut().length();
		assertThat(run(job, today.plusDays(1))).isZero();
		this.secondOutput = output.getOut().substring(before);
		this.ranOn = this.database;
	}

	@AfterAll
	void stopSandbox() {
		this.sandbox.stop();
	}

	@Test
	void onlyTheUnexplainedMonthIsFlaggedInTheSheetWithItsAmount() throws Exception {
		try (XSSFWorkbook workbook = WorkbookReader.open(this.firstWorkbook)) {
			Sheet sheet = workbook.getSheet("Reconciliation");
			List<String> flagged = new ArrayList<>();
			int taxOnly = 0;
			int trueUps = 0;
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || row.getCell(11) == null) {
					continue;
				}
				String what = row.getCell(0).getStringCellValue() + " "
						+ YearMonth.from(row.getCell(2).getLocalDateTimeCellValue());
				String reason = row.getCell(12).getStringCellValue();
				if (row.getCell(11).getStringCellValue().equals("no")) {
					flagged.add(what + ": " + reason);
				}
				else if (reason.contains("noted invoice lines")) {
					trueUps++;
				}
				else if (reason.startsWith("sales tax")) {
					taxOnly++;
				}
			}
			assertThat(flagged).containsExactly("Acme Analytics " + UNEXPLAINED + ": sales tax "
					+ taxOf(ANALYTICS, UNEXPLAINED) + "; unexplained 12.34");
			assertThat(trueUps).as("Acme Production's even months").isPositive();
			assertThat(taxOnly).as("Acme Analytics' and アクメ株式会社's other months").isEqualTo(2 * 4 - 1);
			assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
			assertThat(sheet.getSheetConditionalFormatting().getConditionalFormattingAt(0).getFormattingRanges())
				.hasSize(1);
		}
	}

	@Test
	void theRunSummaryNamesOnlyTheUnexplainedMonthByLabelWithItsAmount() {
		assertThat(this.firstOutput.lines()
			.filter((line) -> line.contains("Not reconciled:"))
			.map((line) -> line.substring(line.indexOf("Not reconciled:"))))
			.containsExactly("Not reconciled: Acme Analytics " + UNEXPLAINED + ": 12.34 unexplained");
	}

	@Test
	void theViewAndTheJavaReconcilerAgreeOnEveryOrgMonth() {
		assertThat(this.javaAfterFirst).isNotEmpty();
		Map<String, List<String>> java = new TreeMap<>();
		for (ReconciliationLine line : this.javaAfterFirst) {
			java.put(line.orgMonth().orgId() + " " + line.orgMonth().month(), List.of(line.billingAccountId(),
					line.credits().toPlainString(), String.valueOf(line.reconciled()), line.reason()));
		}
		assertThat(this.viewAfterFirst).isEqualTo(java);
		List<String> unreconciled = this.viewAfterFirst.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().get(2).equals("false"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(unreconciled).containsExactly(ANALYTICS + " " + UNEXPLAINED);
		assertThat(this.viewAfterFirst.get(SandboxData.ACME_SANDBOX + " " + LATE).get(0)).isEqualTo(PRODUCTION);
		assertThat(this.viewAfterFirst.get(PRODUCTION + " " + LATE).get(1)).startsWith("-");
	}

	@Test
	void aLateChargeToASettledMonthIsInTheDatabaseTheViewsTheReportAndUsageRevision() throws Exception {
		long charge = LATE_CHARGE.movePointRight(2).longValueExact();
		assertThat(billedCents(PRODUCTION, LATE)).isEqualTo(this.billedBefore + charge);
		BigDecimal usage = this.usageBefore.add(LATE_CHARGE);
		assertThat(sandboxUsage(PRODUCTION, LATE)).isEqualByComparingTo(usage);
		assertThat(query("SELECT amount FROM monthly_cost_by_organization WHERE organization_id = '" + PRODUCTION
				+ "' AND billing_month = DATE '" + LATE.atDay(1) + "'"))
			.isEqualByComparingTo(usage);
		assertThat(view().get(PRODUCTION + " " + LATE).get(2)).isEqualTo("true");
		List<String> revisions = rows("SELECT organization_id, billing_account_id, billing_month, old_amount_billed,"
				+ " new_amount_billed, old_status, new_status, refetched_at IS NOT NULL FROM usage_revision");
		assertThat(revisions).containsExactly(String.join("|", PRODUCTION, PRODUCTION, LATE.atDay(1).toString(),
				BigDecimal.valueOf(this.billedBefore, 2).toPlainString(),
				BigDecimal.valueOf(this.billedBefore + charge, 2).toPlainString(), "PAID", "PAID", "true"));
		assertThat(this.sandbox.invoices().fetchesOf(SandboxInvoices.invoiceId(PRODUCTION, LATE))).isEqualTo(2);
		String summary = this.secondOutput.lines()
			.filter((line) -> line.contains("Revisions of settled months:"))
			.findFirst()
			.orElseThrow();
		assertThat(summary)
			.contains("Acme Production " + LATE + ": billed " + BigDecimal.valueOf(this.billedBefore, 2).toPlainString()
					+ " -> " + BigDecimal.valueOf(this.billedBefore + charge, 2).toPlainString())
			.contains("(usage fetched again)");
		try (XSSFWorkbook workbook = WorkbookReader.open(workbookFile())) {
			Sheet reconciliation = workbook.getSheet("Reconciliation");
			Row row = null;
			for (Row candidate : reconciliation) {
				if (candidate.getRowNum() > 0 && candidate.getCell(3) != null
						&& candidate.getCell(3)
							.getStringCellValue()
							.equals(SandboxInvoices.invoiceId(PRODUCTION, LATE))) {
					row = candidate;
				}
			}
			assertThat(row).isNotNull();
			assertThat(WorkbookReader.cents(row.getCell(5))).isEqualByComparingTo(usage);
			assertThat(WorkbookReader.cents(row.getCell(9)))
				.isEqualByComparingTo(BigDecimal.valueOf(this.billedBefore + charge, 2));
			assertThat(row.getCell(11).getStringCellValue()).isEqualTo("yes");
			boolean onRunInfo = false;
			for (Row info : workbook.getSheet("Run info")) {
				String text = WorkbookReader.text(info.getCell(1));
				onRunInfo |= text != null && text.contains("Acme Production " + LATE + ": billed");
			}
			assertThat(onRunInfo).as("the revision on Run info").isTrue();
		}
	}

	private int run(Path job, LocalDate runDate) {
		return SandboxRun
			.of(this.database, this.dir, "--job=" + job, "--from=" + FROM, "--to=" + NOW, "--run-date=" + runDate,
					"--atlas.base-url=" + this.sandbox.baseUrl(),
					"--MONGODB_ATLAS_CLIENT_ID=" + this.sandbox.serviceAccount().clientId(),
					"--MONGODB_ATLAS_CLIENT_SECRET=" + this.sandbox.serviceAccount().clientSecret())
			.exitCode();
	}

	private Path workbookFile() {
		return this.dir.resolve("reports").resolve("invoices_" + FROM + "_" + NOW + ".xlsx");
	}

	/** Each org-month of the view: billing account, credits, reconciled, reason. */
	private Map<String, List<String>> view() throws SQLException {
		Map<String, List<String>> view = new TreeMap<>();
		for (String row : rows("SELECT organization_id, billing_month, billing_account_id, credits, reconciled, reason"
				+ " FROM invoice_reconciliation")) {
			String[] cells = row.split("\\|", -1);
			view.put(cells[0] + " " + YearMonth.from(LocalDate.parse(cells[1])),
					List.of(cells[2], new BigDecimal(cells[3]).setScale(2).toPlainString(), cells[4], cells[5]));
		}
		return view;
	}

	private String taxOf(String org, YearMonth month) {
		long cents = ((Number) this.sandbox.invoices().invoice(org, month).get("salesTaxCents")).longValue();
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	private BigDecimal sandboxUsage(String org, YearMonth month) {
		return this.sandbox.data()
			.lineItems(org, month)
			.stream()
			.map(SandboxData.LineItem::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private long billedCents(String org, YearMonth month) throws SQLException {
		return query("SELECT amount_billed_cents FROM invoice WHERE org_id = '" + org + "' AND billing_month = DATE '"
				+ month.atDay(1) + "'")
			.longValueExact();
	}

	private BigDecimal query(String sql) throws SQLException {
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getBigDecimal(1);
		}
	}

	private List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					cells.add(String.valueOf(rs.getObject(i)));
				}
				rows.add(String.join("|", cells));
			}
		}
		return rows;
	}

}
