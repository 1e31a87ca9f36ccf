package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.testsupport.WorkbookReader;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.testsupport.JobFixtures;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.SandboxRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} while the invoice step stores organizations' invoices, in a JVM of its
 * own, then the same command again: the invoice tables, the FOCUS CSV and the
 * Reconciliation and Tags sheets equal an uninterrupted run's.
 */
class InvoiceCrashRestartFunctionalTests {

	private static final String INVOICES = "SELECT id, org_id, paying_org_id, billing_month, start_date, end_date,"
			+ " status, subtotal_cents, credits_cents, sales_tax_cents, amount_billed_cents FROM invoice ORDER BY id";

	private static final String LINES = "SELECT invoice_id, line_no, sku, quantity, unit, unit_price_dollars,"
			+ " total_price_cents, discount_cents, start_date, end_date, group_id, group_name, cluster_name, note,"
			+ " tags_json FROM invoice_line_item ORDER BY invoice_id, line_no";

	private static final String TAGS = "SELECT invoice_id, line_no, tag_key, tag_value FROM invoice_line_tag"
			+ " ORDER BY invoice_id, line_no, tag_key";

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	private static final YearMonth FROM = NOW.minusMonths(2);

	private static final String JOB = JobFixtures.INVOICES;

	@TempDir
	Path dir;

	@Test
	void aRunKilledWhileStoringInvoicesResumesToTheSameTablesAndFiles() throws Exception {
		Path job = this.dir.resolve("invoices.yml");
		Files.writeString(job, JOB);
		Path reference = this.dir.resolve("reference");
		assertThat(SandboxRun.of(reference, "--job=" + job, "--sandbox", "--from=" + FROM, "--to=" + NOW).exitCode())
			.isZero();

		Path crashed = this.dir.resolve("crashed");
		TestDatabase.Rows db = TestDatabase.h2().at(crashed);
		try (AtlasSandbox sandbox = AtlasSandbox.start()) {
			sandbox.invoices().delayAnswers(Duration.ofMillis(700));
			ChildJvm first = child(sandbox, crashed, job, 1);
			killWhen(first, () -> first.output().contains("Invoices of org"));
			int stored = db.count("SELECT COUNT(DISTINCT org_id) FROM invoice");
			assertThat(stored).as("killed after some organizations' invoices were stored").isBetween(1, 3);
			assertThat(db.rows("SELECT status FROM batch_step_execution WHERE step_name = 'invoices'"))
				.containsExactly("STARTED");

			sandbox.invoices().delayAnswers(Duration.ZERO);
			ChildJvm second = child(sandbox, crashed, job, 2);
			assertThat(second.awaitExit()).as(second.output()).isZero();
			assertThat(second.output()).contains("Resuming job execution");
			assertThat(sandbox.invoices().peakConcurrentCalls()).as("--invoices.concurrency=1").isOne();
		}
		TestDatabase.Rows uninterrupted = TestDatabase.h2().at(reference);
		for (String sql : List.of(INVOICES, LINES, TAGS)) {
			assertThat(db.rows(sql)).as(sql).isNotEmpty().isEqualTo(uninterrupted.rows(sql));
		}
		String csv = "invoices_" + FROM + "_" + NOW + ".focus.csv";
		assertThat(crashed.resolve("reports").resolve(csv))
			.hasSameTextualContentAs(reference.resolve("reports").resolve(csv));
		String xlsx = "invoices_" + FROM + "_" + NOW + ".xlsx";
		assertThat(sheets(crashed.resolve("reports").resolve(xlsx)))
			.isEqualTo(sheets(reference.resolve("reports").resolve(xlsx)));
	}

	private static ChildJvm child(AtlasSandbox sandbox, Path dir, Path job, int attempt) throws IOException {
		Files.createDirectories(dir);
		// one organization's invoices at a time, so that the kill falls between two of
		// them
		return ChildJvm.start(sandbox, dir.resolve("attempt-" + attempt + ".log"), "--job=" + job, "--from=" + FROM,
				"--to=" + NOW, "--spring.datasource.url=" + SandboxRun.jdbcUrl(dir),
				"--reports.dir=" + dir.resolve("reports"), "--invoices.concurrency=1");
	}

	private static void killWhen(ChildJvm child, Condition condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (condition.holds()) {
				child.kill();
				return;
			}
			if (!child.process().isAlive()) {
				throw new AssertionError("the child ended before the kill point:\n" + child.output());
			}
			Thread.sleep(5);
		}
		child.kill();
		throw new AssertionError("the kill point never came:\n" + child.output());
	}

	/** The Reconciliation and Tags sheets, cell by cell as Excel shows them. */
	private static Map<String, List<String>> sheets(Path workbook) throws IOException {
		Map<String, List<String>> sheets = new LinkedHashMap<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook book = WorkbookReader.open(workbook)) {
			for (String name : List.of("Reconciliation", "Tags")) {
				Sheet sheet = book.getSheet(name);
				List<String> cells = new ArrayList<>();
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells.add(cell.getAddress() + "=" + format.formatCellValue(cell));
					}
				}
				sheets.put(name, cells);
			}
		}
		assertThat(sheets.get("Reconciliation")).hasSizeGreaterThan(12 * 9);
		return sheets;
	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws Exception;

	}

}
