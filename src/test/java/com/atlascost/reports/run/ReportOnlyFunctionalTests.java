package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.sandbox.SandboxCounters;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;
import com.atlascost.reports.testsupport.WorkbookReader;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report rebuilt from the database: {@code --report-only}, and a rerun of a completed
 * run with other options (a language, a reports directory). Atlas is called for nothing
 * and the figures are the first run's; a range not stored is refused with exit 2.
 */
@OnEachDatabase
@ExtendWith(OutputCaptureExtension.class)
class ReportOnlyFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	/** The demo's look-back: three months ending with the open one. */
	private static final YearMonth FROM = NOW.minusMonths(2);

	private static final String DEMO = "--job=jobs/sandbox.yml";

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void reportOnlyRefusesWhatIsNotStoredThenRebuildsTheDemoInJapaneseWithoutCallingAtlas(CapturedOutput output)
			throws Exception {
		SandboxRun nothingStored = SandboxRun.of(this.database, this.dir, DEMO, "--sandbox", "--report-only");
		assertThat(nothingStored.exitCode()).isEqualTo(2);
		assertNoCall(nothingStored);
		assertThat(output)
			.contains("Acme Analytics (" + SandboxData.ACME_ANALYTICS + "): projects of " + FROM + " to " + NOW);
		assertThat(this.dir.resolve("reports")).as("no report file").doesNotExist();
		if (this.database.vendor().equals("h2")) {
			assertThat(this.dir.resolve("data")).as("not even the database file the start created").doesNotExist();
		}

		SandboxRun demo = SandboxRun.of(this.database, this.dir, DEMO, "--sandbox");
		assertThat(demo.exitCode()).isZero();
		TestDatabase.Rows db = this.database.at(this.dir);
		int rows = db.count("SELECT COUNT(*) FROM usage_row");
		int queries = db.count("SELECT COUNT(*) FROM cost_query");

		Path refusedDir = this.dir.resolve("reports-refused");
		SandboxRun refused = SandboxRun.of(this.database, this.dir, DEMO, "--sandbox", "--report-only",
				"--from=" + NOW.minusMonths(4), "--to=" + NOW, "--reports.dir=" + refusedDir);
		assertThat(refused.exitCode()).isEqualTo(2);
		assertNoCall(refused);
		String range = NOW.minusMonths(4) + " to " + NOW.minusMonths(3);
		assertThat(output)
			.contains("Invalid input: Not stored, so the report of 'sandbox-demo' for " + NOW.minusMonths(4) + " to "
					+ NOW)
			.contains("cannot be rebuilt from the database: Acme Production (" + SandboxData.ACME_PRODUCTION
					+ "): projects of " + range)
			.contains("Acme Production (" + SandboxData.ACME_PRODUCTION + "): services of " + range)
			.contains("Acme Production (" + SandboxData.ACME_PRODUCTION + "): the bill of " + range)
			.contains("Acme Analytics (" + SandboxData.ACME_ANALYTICS + "): the bill of " + range)
			.contains("Invalid input: Nothing was called or written: run without --report-only")
			.contains("Exit code 2");
		assertThat(refusedDir).as("no partial output").doesNotExist();
		assertThat(db.count("SELECT COUNT(*) FROM usage_row")).as("nothing stored lost").isEqualTo(rows);
		assertThat(db.count("SELECT COUNT(*) FROM cost_query")).isEqualTo(queries);
		assertThat(db.count("SELECT COUNT(*) FROM batch_job_instance")).as("no job instance recorded").isOne();

		Path japanese = this.dir.resolve("reports-ja");
		SandboxRun rebuilt = SandboxRun.of(this.database, this.dir, DEMO, "--sandbox", "--report-only",
				"--report.locale=ja", "--reports.dir=" + japanese);
		assertThat(rebuilt.exitCode()).isZero();
		assertNoCall(rebuilt);
		assertThat(output).contains("Rebuilding the report of 'sandbox-demo' for " + FROM + " to " + NOW)
			.contains("Source: rebuilt from the database, Atlas not called; pass --refresh to fetch again")
			.contains("Queries: 18 planned, 18 done (0 fetched, 18 already done before this run), 0 failed");
		assertSameFigures(this.dir.resolve("reports"), japanese);
		try (XSSFWorkbook book = WorkbookReader.open(single(japanese, ".xlsx"))) {
			List<String> runInfo = new ArrayList<>();
			book.getSheet("実行情報").forEach((row) -> runInfo.addAll(WorkbookReader.texts(row)));
			assertThat(runInfo).as("the run summary, in Japanese")
				.contains("データの出所", "データベースから再作成（Atlas は呼び出していません）。取得し直すには --refresh を指定してください");
		}
		assertThat(db.count("SELECT COUNT(*) FROM usage_row")).isEqualTo(rows);
		assertThat(db.count("SELECT COUNT(*) FROM cost_query")).isEqualTo(queries);
		assertThat(db.rows("SELECT state FROM cost_query GROUP BY state")).containsExactly("DONE");
	}

	@Test
	void aRerunOfTheCompletedDemoWithOtherOptionsRebuildsItsReportWithoutCallingAtlas(CapturedOutput output)
			throws Exception {
		assertThat(SandboxRun.of(this.database, this.dir, DEMO, "--sandbox").exitCode()).isZero();

		Path japanese = this.dir.resolve("reports-ja");
		SandboxRun again = SandboxRun.of(this.database, this.dir, DEMO, "--sandbox", "--report.locale=ja",
				"--reports.dir=" + japanese);
		assertThat(again.exitCode()).isZero();
		assertNoCall(again);
		assertThat(output).doesNotContain("Nothing to do")
			.contains("Job execution 1 of 'sandbox-demo' for " + FROM + " to " + NOW)
			.contains("already completed at")
			.contains(": its report is rebuilt from the database; pass --refresh to fetch again")
			.contains("Source: rebuilt from the database, Atlas not called; pass --refresh to fetch again");
		assertSameFigures(this.dir.resolve("reports"), japanese);
		TestDatabase.Rows db = this.database.at(this.dir);
		assertThat(db.rows("SELECT p.parameter_value FROM batch_job_execution_params p"
				+ " WHERE p.parameter_name = 'run.id' ORDER BY p.job_execution_id"))
			.as("a fresh job instance, as --refresh starts")
			.containsExactly("1", "2");
		assertThat(db.rows("SELECT p.parameter_value FROM batch_job_execution_params p"
				+ " WHERE p.parameter_name = 'report-only'"))
			.containsExactly("true");
	}

	private static void assertNoCall(SandboxRun run) {
		SandboxCounters counters = run.counters();
		assertThat(counters.tokenRequests()).isZero();
		assertThat(counters.projectListings()).isZero();
		assertThat(counters.clusterListings()).isZero();
		assertThat(counters.creates()).isZero();
		assertThat(counters.polls()).isZero();
		assertThat(run.sandbox().exchanges()).as("no call of any kind: invoices neither").isEmpty();
	}

	/**
	 * Every number and formula of every sheet but Run info (times, ids) is the same in
	 * both workbooks, and the FOCUS files are the same to the byte.
	 */
	private static void assertSameFigures(Path first, Path rebuilt) throws IOException {
		Path workbook = single(first, ".xlsx");
		Path rebuiltWorkbook = single(rebuilt, ".xlsx");
		assertThat(rebuiltWorkbook.getFileName()).isEqualTo(workbook.getFileName());
		try (XSSFWorkbook english = WorkbookReader.open(workbook);
				XSSFWorkbook japanese = WorkbookReader.open(rebuiltWorkbook)) {
			assertThat(WorkbookReader.sheetNames(japanese)).hasSameSizeAs(WorkbookReader.sheetNames(english))
				.as("in Japanese")
				.contains("サマリー");
			int runInfo = WorkbookReader.sheetNames(english).indexOf("Run info");
			assertThat(runInfo).isNotNegative();
			for (int i = 0; i < english.getNumberOfSheets(); i++) {
				if (i != runInfo) {
					assertThat(figures(japanese.getSheetAt(i))).as(english.getSheetAt(i).getSheetName())
						.isNotEmpty()
						.isEqualTo(figures(english.getSheetAt(i)));
				}
			}
		}
		assertThat(Files.readString(single(rebuilt, ".focus.csv")))
			.isEqualTo(Files.readString(single(first, ".focus.csv")));
	}

	private static List<String> figures(Sheet sheet) {
		List<String> figures = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.NUMERIC) {
					figures.add(cell.getAddress() + "=" + cell.getNumericCellValue());
				}
				else if (cell.getCellType() == CellType.FORMULA) {
					figures.add(cell.getAddress() + "=" + cell.getCellFormula());
				}
			}
		}
		return figures;
	}

	private static Path single(Path dir, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> found = files.filter((file) -> file.getFileName().toString().endsWith(suffix)).toList();
			assertThat(found).as(suffix + " in " + dir).hasSize(1);
			return found.get(0);
		}
	}

}
