package com.atlascost.reports.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.testsupport.WorkbookReader;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: the plan, the help, progress, the run summary (in the log and on
 * the run-info sheet), JSON logs, failures without stack traces, refused credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	private static final Pattern WINDOW_LINE = Pattern.compile("(?m)^  (\\d{4}-\\d{2})  \\[(\\S+), (\\S+)\\)  fetch$");

	@TempDir
	Path dir;

	/**
	 * Spring Boot keeps the structured format in a system property, which would outlive
	 * the JSON run in this JVM.
	 */
	@AfterEach
	void plainLogsAgain() {
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
	}

	@Test
	void planListsExactlyTheWindowsAndQueriesAndCallsAndWritesNothing(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=2025-11",
				"--to=2026-02", "--plan");
		assertThat(run.exitCode()).isZero();
		List<String> windows = new ArrayList<>();
		Matcher matcher = WINDOW_LINE.matcher(output.getOut());
		while (matcher.find()) {
			windows.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3));
		}
		assertThat(windows).containsExactly("2025-11 2025-11-01 2025-12-01", "2025-12 2025-12-01 2026-01-01",
				"2026-01 2026-01-01 2026-02-01", "2026-02 2026-02-01 2026-03-01");
		assertThat(output.getOut()).contains(
				"Plan for job 'sandbox-demo' (jobs/sandbox.yml), 2025-11 to 2026-02: 4 windows x 2 organizations x 2 groupings + 8 bills = 24 queries");
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.matches("  [0-9a-f]{24}  (projects|services)  \\d{4}-\\d{2}  fetch"))).hasSize(16)
			.contains("  " + SandboxData.ACME_ANALYTICS + "  services  2026-02  fetch");
		assertThat(output.getOut().lines().filter((line) -> line.matches("  [0-9a-f]{24}  bill  \\d{4}-\\d{2}  fetch")))
			.hasSize(8)
			.contains("  " + SandboxData.ACME_ANALYTICS + "  bill  2026-02  fetch");
		assertThat(run.counters().tokenRequests() + run.counters().creates() + run.counters().polls()
				+ run.counters().projectListings())
			.isZero();
		assertThat(this.dir.resolve("data")).doesNotExist();
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

	@Test
	void planOfInvalidInputPrintsTheReasonAndExitsTwo(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=2026-05",
				"--to=2026-04", "--plan");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Invalid input: "))).singleElement()
			.asString()
			.endsWith("Invalid input: --from=2026-05 is after --to=2026-04 (the current month when --to is not given):"
					+ " the range must run forward, both months inclusive");
		assertThat(output.getOut()).doesNotContain("Plan for job");
		assertThat(this.dir.resolve("data")).doesNotExist();
	}

	@Test
	void theConsoleShowsTheJobsOwnLinesAndSpringsOnlyWithVerbose(CapturedOutput output) {
		SandboxRun quiet = SandboxRun.of(this.dir.resolve("quiet"), "--job=jobs/sandbox.yml", "--sandbox",
				"--from=" + NOW);
		assertThat(quiet.exitCode()).isZero();
		String quietLines = output.getAll();
		assertThat(quietLines).contains("Planned 6 queries", "Fetched 6/6 queries", "Run summary", "Exit code 0: done")
			.doesNotContain("HikariPool", "Migrating schema", "Executing step", "launched with the following",
					"No active profile set", "newer than the version Flyway has been verified with",
					"created, token saved");

		SandboxRun verbose = SandboxRun.of(this.dir.resolve("verbose"), "--job=jobs/sandbox.yml", "--sandbox",
				"--from=" + NOW, "--verbose");
		assertThat(verbose.exitCode()).isZero();
		assertThat(output.getAll().substring(quietLines.length())).contains("HikariPool", "Migrating schema",
				"Executing step: [plan]", "No active profile set");
	}

	@Test
	void helpListsOptionsEnvironmentExitCodesAndExamples(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(output.getOut()).contains("--job=FILE", "--from=YYYY-MM", "--plan", "--log.format=text|json",
				"--debug", "MONGODB_ATLAS_CLIENT_ID, MONGODB_ATLAS_CLIENT_SECRET",
				"MONGODB_ATLAS_PUBLIC_API_KEY, MONGODB_ATLAS_PRIVATE_API_KEY", "Exit codes:",
				"2  invalid input or configuration", "3  the same job is already running", "Examples:");
		assertThat(this.dir.resolve("data")).doesNotExist();
		assertThat(SandboxRun.of(this.dir, "--version").exitCode()).isZero();
		assertThat(output.getOut()).contains("atlas-cost-reports (development build: not run from the jar)");
		assertThat(this.dir.resolve("data")).doesNotExist();
	}

	@Test
	void runWithFaultsShowsRetriesAnd429sAsTheSandboxCountedThemInLogAndWorkbook(CapturedOutput output)
			throws Exception {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW,
				"--sandbox.injected-failures=429,503,429", "--sandbox.injected-failures-on=listOrganizationProjects",
				"--sandbox.processing-delay=1500ms", "--progress=bar");
		assertThat(run.exitCode()).isZero();
		long sandbox429 = run.counters().responses(429);
		// 429s are counted apart from the retries of real failures
		long sandboxTransient = run.counters().responses(503);
		assertThat(sandbox429).isEqualTo(2);
		Map<String, String> summary = summaryFromLog(output.getOut());
		// the 503 answers the first listing of the plan, before the fetch and its
		// progress: the summary's Retries is the progress's number, the listing's retry
		// is counted apart
		assertThat(sandboxTransient).isEqualTo(1);
		assertThat(lastRetriesShown(output.getOut())).isZero();
		assertThat(summary).containsEntry("Rate limited (429)", Long.toString(sandbox429))
			.containsEntry("Retries", "0")
			.containsEntry("Retries of other calls", "1 (listings, invoices)")
			.containsEntry("Queries", "6 planned, 6 done (6 fetched, 0 already done before this run), 0 failed")
			.containsEntry("Windows", "1: " + NOW + " to " + NOW)
			.containsKeys("Rows stored", "Usage " + NOW + " (Cost Explorer, before tax)",
					"Forecast " + NOW + " (usage, month end)", "Workbook", "FOCUS CSV", "Duration", "Query latency");
		assertThat(summary.get("API calls by status")).contains("429=" + sandbox429, "503=1",
				"102=" + run.counters().responses(102), "202=" + run.counters().creates());
		assertThat(output.getOut()).contains("Fetching [########################] 6/6 queries")
			.contains("\r")
			.contains("Exit code 0: done");

		Path workbook = Path.of(summary.get("Workbook"));
		Map<String, String> runInfo = new HashMap<>();
		DataFormatter text = new DataFormatter();
		try (XSSFWorkbook book = WorkbookReader.open(workbook)) {
			Sheet sheet = book.getSheet("Run info");
			for (Row row : sheet) {
				if (row.getCell(0) != null && row.getCell(1) != null) {
					runInfo.put(text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(1)));
				}
			}
		}
		assertThat(runInfo).containsEntry("Rate limited (429)", Long.toString(sandbox429))
			.containsEntry("Retries", "0")
			.containsEntry("Retries of other calls", "1 (listings, invoices)")
			.containsEntry("Rows stored", summary.get("Rows stored"))
			.containsEntry("Exit code", "0: done");
		// the bill is a currency number on the sheet: the console's amount, formatted
		assertThat(new BigDecimal(
				runInfo.get("Usage " + NOW + " (Cost Explorer, before tax)").replace("$", "").replace(",", "")))
			.isEqualByComparingTo(summary.get("Usage " + NOW + " (Cost Explorer, before tax)").replace(" USD", ""));
		assertThat(Files.readString(Path.of(summary.get("FOCUS CSV")))).doesNotContain("Fetching")
			.doesNotContain("Progress");
	}

	@Test
	void progressBarAndSummaryShowOneRetryCount(CapturedOutput output) {
		// 503s at random on every call: listings (planning), creates and polls
		// (fetching), invoices (after the fetch)
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW,
				"--sandbox.faults.unavailable=0.3", "--atlas.retry.max-attempts=10", "--atlas.retry.min-backoff=10ms",
				"--atlas.retry.max-backoff=50ms", "--sandbox.processing-delay=300ms", "--progress=bar");
		assertThat(run.exitCode()).isZero();
		Map<String, String> summary = summaryFromLog(output.getOut());
		long shown = lastRetriesShown(output.getOut());
		assertThat(shown).isPositive();
		assertThat(summary).containsEntry("Retries", Long.toString(shown));
		long others = summary.containsKey("Retries of other calls")
				? Long.parseLong(summary.get("Retries of other calls").replace(" (listings, invoices)", "")) : 0;
		// every 503 was retried once, and counted once: by the progress or apart
		assertThat(shown + others).isEqualTo(run.counters().responses(503));
	}

	/** The retries of the progress bar's last drawing. */
	private static long lastRetriesShown(String out) {
		Matcher matcher = Pattern.compile("Fetching \\[[#-]+\\] [^\\r\\n]*? (\\d+) retries").matcher(out);
		long last = -1;
		while (matcher.find()) {
			last = Long.parseLong(matcher.group(1));
		}
		assertThat(last).as("a progress bar was drawn").isNotNegative();
		return last;
	}

	@Test
	void jsonLogsAreOneObjectPerLineAndQueryLinesCarryOrgGroupingAndWindow(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW,
				"--log.format=json", "--logging.level.com.atlascost.reports.usage=DEBUG",
				"--sandbox.processing-delay=300ms", "--progress.interval=100ms");
		assertThat(run.exitCode()).isZero();
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> lines = output.getOut().lines().filter((line) -> !line.isBlank()).map(mapper::readTree).toList();
		assertThat(lines).allSatisfy((line) -> assertThat(line.has("@timestamp")).isTrue());
		List<JsonNode> stored = lines.stream()
			.filter((line) -> line.path("message").asString().contains("usage rows stored"))
			.toList();
		// 2 organizations x (2 groupings + the bill)
		assertThat(stored).hasSize(6).allSatisfy((line) -> {
			assertThat(line.path("org").asString()).matches("[0-9a-f]{24}");
			assertThat(line.path("grouping").asString()).isIn("projects", "services", "organizations");
			assertThat(line.path("window").asString()).isEqualTo(NOW.atDay(1) + "/" + NOW.plusMonths(1).atDay(1));
		});
		assertThat(lines).anySatisfy((line) -> assertThat(line.path("message").asString()).startsWith("Progress: "));
		assertThat(lines).anySatisfy((line) -> assertThat(line.path("message").asString()).startsWith("  Retries: "));
	}

	@Test
	void failedRunPrintsReasonsButNoStackTraceWithoutDebug(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW,
				"--atlas.retry.max-attempts=1", "--sandbox.injected-failures=503",
				"--sandbox.injected-failures-on=listOrganizationProjects");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(output.getOut()).contains("Failure: list projects for org ")
			.contains("failed: 503 UNEXPECTED_ERROR")
			.contains("Exit code 1: the job failed; run the same command again to resume it")
			.doesNotContain("\tat ")
			.doesNotContain("Caused by");
	}

	@Test
	void refusedCredentialsNameTheOrgAndStatusButNotTheSecret(CapturedOutput output) {
		String wrongSecret = "a-wrong-private-key-8c1f";
		try (AtlasSandbox atlas = AtlasSandbox.start()) {
			SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--from=" + NOW,
					"--atlas.base-url=" + atlas.baseUrl(),
					"--MONGODB_ATLAS_PUBLIC_API_KEY=" + atlas.apiKey().publicKey(),
					"--MONGODB_ATLAS_PRIVATE_API_KEY=" + wrongSecret, "--logging.level.org.springframework.web=DEBUG",
					"--logging.level.reactor.netty=DEBUG");
			assertThat(run.exitCode()).isEqualTo(1);
		}
		assertThat(output.getOut()).contains("Credentials: Atlas refused the credentials for org "
				+ SandboxData.ACME_PRODUCTION + " (401): check MONGODB_ATLAS_CLIENT_ID");
		assertThat(output.getAll()).doesNotContain(wrongSecret);
	}

	/** The {@code what: value} lines after "Run summary". */
	private static Map<String, String> summaryFromLog(String out) {
		Map<String, String> entries = new HashMap<>();
		Pattern entry = Pattern.compile("CostReportRunner\\s+:   ([^:]+): (.*)$");
		out.lines().map(entry::matcher).filter(Matcher::find).forEach((m) -> entries.put(m.group(1), m.group(2)));
		return entries;
	}

}
