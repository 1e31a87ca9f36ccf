package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.testsupport.WorkbookReader;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxSettings;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

/**
 * {@code kill -9} at several points of a run, each in a JVM of its own, then the same
 * command again: the outcome must equal an uninterrupted run's, with every DONE query
 * left alone and every saved token polled rather than created again. The sandbox runs in
 * this JVM so that its counters span all the child JVMs.
 */
class CrashRestartFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	private static final YearMonth FROM = NOW.minusMonths(2);

	// 2 organizations x 3 months x (2 groupings + the bill)
	private static final int QUERIES = 2 * 3 * 3;

	private static final String USAGE_ROWS = "SELECT q.org_id, q.group_by, q.window_start, q.provisional, u.line_no,"
			+ " u.usage_date, u.invoice_id, u.organization_id, u.organization_name, u.project_id, u.project_name,"
			+ " u.cluster_id, u.cluster_name, u.service, u.amount FROM usage_row u JOIN cost_query q"
			+ " ON q.id = u.query_id ORDER BY q.org_id, q.group_by, q.window_start, u.line_no";

	@TempDir
	Path dir;

	@Test
	void aRunKilledInTheFetchAndReportPhasesResumesToWhatAnUninterruptedRunStores() throws Exception {
		Path reference = this.dir.resolve("reference");
		assertThat(SandboxRun.of(reference, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + FROM, "--to=" + NOW)
			.exitCode()).isZero();

		Path crashed = this.dir.resolve("crashed");
		TestDatabase.Rows db = TestDatabase.h2().at(crashed);
		try (AtlasSandbox sandbox = AtlasSandbox
			.start(SandboxSettings.builder().processingDelay(Duration.ofMillis(1500)).build())) {
			// 1. fetch phase: queries created and their tokens saved, none done yet
			ChildJvm first = child(sandbox, crashed, 1);
			first.awaitLine("Fetching " + QUERIES + " of " + QUERIES + " queries");
			killWhen(first, () -> occurrences(first, "created, token saved") >= 2);
			Snapshot afterFirst = Snapshot.of(db);
			assertThat(afterFirst.withToken()).as("killed with tokens saved but not yet polled")
				.isGreaterThanOrEqualTo(2);
			assertThat(afterFirst.done()).isEmpty();

			// 2. fetch phase again: some queries done, others in flight
			long creates = sandbox.counters().creates();
			ChildJvm second = child(sandbox, crashed, 2);
			second.awaitLine("Fetching");
			killWhen(second, () -> occurrences(second, "usage rows stored") >= 4);
			Snapshot afterSecond = Snapshot.of(db);
			assertThat(afterSecond.done()).hasSizeGreaterThanOrEqualTo(4).hasSizeLessThan(QUERIES);
			assertThat(sandbox.counters().creates() - creates)
				.as("saved tokens are polled, only queries without one are created")
				.isLessThanOrEqualTo(afterFirst.withoutToken());
			assertThat(second.output()).contains("Resuming job execution");

			// 3. report phase: killed while the report files are being written
			creates = sandbox.counters().creates();
			ChildJvm third = child(sandbox, crashed, 3);
			third.awaitLine("Writing the report");
			killWhen(third, () -> temporaryReportFiles(crashed).findAny().isPresent());
			Snapshot afterThird = Snapshot.of(db);
			assertThat(afterThird.done()).hasSize(QUERIES).containsAllEntriesOf(afterSecond.done());
			assertThat(sandbox.counters().creates() - creates).isLessThanOrEqualTo(afterSecond.withoutToken());
			assertThat(db.rows("SELECT status FROM batch_step_execution WHERE step_name = 'report'"))
				.containsExactly("STARTED");
			assertThat(reports(crashed)).as("no report appears half written").isEmpty();

			// 4. the same command once more runs to the end without asking Atlas anything
			creates = sandbox.counters().creates();
			long polls = sandbox.counters().polls();
			ChildJvm fourth = child(sandbox, crashed, 4);
			assertThat(fourth.awaitExit()).as(fourth.output()).isZero();
			assertThat(fourth.output()).contains("marking it FAILED so that it can be restarted")
				.contains("Resuming job execution");
			assertThat(sandbox.counters().creates() - creates).isZero();
			assertThat(sandbox.counters().polls() - polls).isZero();
			assertThat(Snapshot.of(db).done()).as("no DONE query was fetched again").isEqualTo(afterThird.done());
		}

		assertThat(db.rows(USAGE_ROWS)).as("the same rows as the uninterrupted run")
			.isNotEmpty()
			.isEqualTo(TestDatabase.h2().at(reference).rows(USAGE_ROWS));
		// a row is its own organization's: Acme Production's queries carry its linked
		// org's
		assertThat(db.count("SELECT COUNT(*) FROM (SELECT q.org_id, u.organization_id, q.group_by, u.usage_date,"
				+ " u.project_id, u.service FROM usage_row u JOIN cost_query q ON q.id = u.query_id GROUP BY q.org_id,"
				+ " u.organization_id, q.group_by, u.usage_date, u.project_id, u.service HAVING COUNT(*) > 1) d"))
			.as("no duplicate rows")
			.isZero();
		assertThat(db.count("SELECT COUNT(*) FROM batch_job_instance")).as("every restart resumed the same instance")
			.isEqualTo(1);
		assertThat(reports(crashed)).containsExactlyInAnyOrderElementsOf(reports(reference));
		String csv = "sandbox-demo_" + FROM + "_" + NOW + ".focus.csv";
		assertThat(crashed.resolve("reports").resolve(csv))
			.hasSameTextualContentAs(reference.resolve("reports").resolve(csv));
		String xlsx = "sandbox-demo_" + FROM + "_" + NOW + ".xlsx";
		assertThat(sheets(crashed.resolve("reports").resolve(xlsx)))
			.isEqualTo(sheets(reference.resolve("reports").resolve(xlsx)));
		assertThat(temporaryReportFiles(crashed)).as("temporary files of the killed report are cleared").isEmpty();
	}

	private static ChildJvm child(AtlasSandbox sandbox, Path dir, int attempt) throws IOException {
		Files.createDirectories(dir);
		return ChildJvm.start(sandbox, dir.resolve("attempt-" + attempt + ".log"), "--job=jobs/sandbox.yml",
				"--from=" + FROM, "--to=" + NOW, "--spring.datasource.url=" + SandboxRun.jdbcUrl(dir),
				"--reports.dir=" + dir.resolve("reports"), "--usage.concurrency=2");
	}

	private static int occurrences(ChildJvm child, String text) throws IOException {
		String output = child.output();
		int count = 0;
		for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
			count++;
		}
		return count;
	}

	private static void killWhen(ChildJvm child, Condition condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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

	private static Stream<Path> temporaryReportFiles(Path dir) throws IOException {
		Path reports = dir.resolve("reports");
		if (!Files.isDirectory(reports)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(reports)) {
			return files.filter((file) -> file.getFileName().toString().contains(".tmp-")).toList().stream();
		}
	}

	private static List<String> reports(Path dir) throws IOException {
		Path reports = dir.resolve("reports");
		if (!Files.isDirectory(reports)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(reports)) {
			return files.map((file) -> file.getFileName().toString()).filter((name) -> !name.startsWith(".")).toList();
		}
	}

	/**
	 * The Summary and grouping sheets cell by cell (Detail and Run info carry fetch and
	 * generation times).
	 */
	private static Map<String, List<String>> sheets(Path workbook) throws IOException {
		Map<String, List<String>> sheets = new LinkedHashMap<>();
		try (XSSFWorkbook book = WorkbookReader.open(workbook)) {
			for (Sheet sheet : book) {
				if (sheet.getSheetName().equals("Detail") || sheet.getSheetName().equals("Run info")) {
					continue;
				}
				List<String> cells = new ArrayList<>();
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells.add(cell.getAddress() + "="
								+ ((cell.getCellType() == CellType.FORMULA) ? "=" + cell.getCellFormula() : cell));
					}
				}
				sheets.put(sheet.getSheetName(), cells);
			}
		}
		assertThat(sheets).containsKeys("Summary", "Projects", "Services");
		return sheets;
	}

	/**
	 * The DONE queries as id → token and fetch time, and how many others hold a token.
	 */
	private record Snapshot(Map<String, String> done, int withToken, int withoutToken) {

		static Snapshot of(TestDatabase.Rows db) throws SQLException {
			Map<String, String> done = new LinkedHashMap<>();
			for (String row : db
				.rows("SELECT id, token, fetched_at FROM cost_query WHERE state = 'DONE' ORDER BY id")) {
				done.put(row.substring(0, row.indexOf('|')), row.substring(row.indexOf('|') + 1));
			}
			return new Snapshot(done,
					db.count("SELECT COUNT(*) FROM cost_query WHERE state <> 'DONE' AND token IS NOT NULL"),
					db.count("SELECT COUNT(*) FROM cost_query WHERE state <> 'DONE' AND token IS NULL"));
		}

	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws Exception;

	}

}
