package com.atlascost.reports.job;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
 * included, and the Reconciliation sheet, the view {@code invoice_reconciliation} (summed
 * per {@code billing_account_id}), the FOCUS file ({@code BilledCost} per
 * {@code BillingAccountId} and {@code BillingPeriodStart}) and the report mail show the
 * same figure to the cent.
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
	void theSummaryReconciliationViewFocusAndMailAgreeOnTheAccountsBilledAmountLinkedInvoicesIncluded()
			throws Exception {
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
		for (YearMonth month = DECEMBER; !month.isAfter(NOVEMBER); month = month.plusMonths(1)) {
			BigDecimal billed = billed(SandboxData.ACME_PRODUCTION, month);
			assertThat(reconciliationSheet(month)).as("Reconciliation sheet %s", month).isEqualByComparingTo(billed);
			assertThat(new BigDecimal(TestDatabase.h2()
				.at(this.dir)
				.rows("SELECT SUM(amount_billed) FROM invoice_reconciliation WHERE billing_account_id = '"
						+ SandboxData.ACME_PRODUCTION + "' AND billing_month = DATE '" + month.atDay(1) + "'")
				.get(0))).as("invoice_reconciliation %s", month).isEqualByComparingTo(billed);
			assertThat(focusBilled(month)).as("FOCUS %s", month).isEqualByComparingTo(billed);
		}
		MimeMessage report = this.mail.messagesTo("finance@example.com").get(0);
		assertThat(TestMailServer.text(report)).contains("Billed for 2026-11")
			.contains("- Acme Production (billing account " + SandboxData.ACME_PRODUCTION + "): " + usd(november))
			.contains("Accrual for 2026-12");
	}

	/** The Reconciliation sheet's Billed of the account's organizations in a month. */
	private BigDecimal reconciliationSheet(YearMonth month) throws Exception {
		try (XSSFWorkbook workbook = WorkbookReader
			.open(this.dir.resolve("reports").resolve("amounts-check_2025-12_2026-12.xlsx"))) {
			Sheet sheet = workbook.getSheet("Reconciliation");
			int orgColumn = WorkbookReader.columnOf(sheet, 0, "Organization id");
			int monthColumn = WorkbookReader.columnOf(sheet, 0, "Month");
			int billedColumn = WorkbookReader.columnOf(sheet, 0, "Billed");
			BigDecimal sum = BigDecimal.ZERO;
			int lines = 0;
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || row.getCell(billedColumn) == null || row.getCell(monthColumn) == null) {
					continue;
				}
				String org = WorkbookReader.text(row.getCell(orgColumn));
				if ((org.equals(SandboxData.ACME_PRODUCTION) || org.equals(SandboxData.ACME_SANDBOX))
						&& YearMonth.from(row.getCell(monthColumn).getLocalDateTimeCellValue().toLocalDate())
							.equals(month)) {
					sum = sum.add(WorkbookReader.cents(row.getCell(billedColumn)));
					lines++;
				}
			}
			assertThat(lines).as("the payer's and the linked organization's lines of %s", month).isEqualTo(2);
			return sum;
		}
	}

	/** The FOCUS file's BilledCost of the account's billing period. */
	private BigDecimal focusBilled(YearMonth month) throws Exception {
		String periodStart = month.atDay(1) + "T00:00:00Z";
		try (Reader reader = Files.newBufferedReader(
				this.dir.resolve("reports").resolve("amounts-check_2025-12_2026-12.focus.csv"),
				StandardCharsets.UTF_8)) {
			BigDecimal sum = BigDecimal.ZERO;
			for (CSVRecord row : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords()) {
				if (row.get("BillingAccountId").equals(SandboxData.ACME_PRODUCTION)
						&& row.get("BillingPeriodStart").equals(periodStart)) {
					sum = sum.add(new BigDecimal(row.get("BilledCost")));
				}
			}
			return sum;
		}
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
