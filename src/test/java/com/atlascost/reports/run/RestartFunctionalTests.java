package com.atlascost.reports.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Failure, restart and overlap, as the command line meets them. */
@OnEachDatabase
@ExtendWith(OutputCaptureExtension.class)
class RestartFunctionalTests {

	/** A well-formed id that the sandbox does not know: Atlas answers 404 for it. */
	private static final String UNKNOWN_ORG = "0123456789abcdef01234567";

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void failedQueriesExitOneKeepTheOthersAndOnlyThemAreRetriedOnRestart(CapturedOutput output) throws Exception {
		Path job = this.dir.resolve("two-orgs.yml");
		Files.writeString(job, """
				name: two-orgs
				groupBy: [services]
				organizations:
				  - id: %s
				    label: Known
				  - id: %s
				    label: Unknown
				""".formatted(SandboxData.ACME_PRODUCTION, UNKNOWN_ORG));
		String[] args = { "--job=" + job, "--sandbox", "--from=" + NOW.minusMonths(1), "--to=" + NOW };

		SandboxRun first = SandboxRun.of(this.database, this.dir, args);
		assertThat(first.exitCode()).isEqualTo(1);
		// 2 organizations x 2 months x (services + the bill)
		assertThat(first.counters().creates()).isEqualTo(8);
		assertThat(states()).containsExactly(UNKNOWN_ORG + " FAILED", UNKNOWN_ORG + " FAILED", UNKNOWN_ORG + " FAILED",
				UNKNOWN_ORG + " FAILED", SandboxData.ACME_PRODUCTION + " DONE", SandboxData.ACME_PRODUCTION + " DONE",
				SandboxData.ACME_PRODUCTION + " DONE", SandboxData.ACME_PRODUCTION + " DONE");
		assertThat(failures()).hasSize(4).allSatisfy((failure) -> assertThat(failure).contains("404", "ORG_NOT_FOUND"));
		assertThat(output).contains("4 of 8 queries failed").contains("Exit code 1");
		assertThat(this.dir.resolve("reports")).as("no report from a failed run").doesNotExist();
		int storedRows = count("SELECT COUNT(*) FROM usage_row");
		assertThat(storedRows).isPositive();

		SandboxRun restart = SandboxRun.of(this.database, this.dir, args);
		assertThat(restart.exitCode()).isEqualTo(1);
		assertThat(restart.counters().creates()).as("the DONE queries are not asked again").isEqualTo(4);
		assertThat(output).contains("Resuming job execution");
		assertThat(count("SELECT COUNT(*) FROM usage_row")).isEqualTo(storedRows);
		assertThat(count("SELECT COUNT(*) FROM batch_job_instance")).as("the restart is the same job instance")
			.isEqualTo(1);

		String[] reportOnlyArgs = { "--job=" + job, "--sandbox", "--from=" + NOW.minusMonths(1), "--to=" + NOW,
				"--report-only" };
		SandboxRun reportOnly = SandboxRun.of(this.database, this.dir, reportOnlyArgs);
		assertThat(reportOnly.exitCode()).as("the failed run is not resumed; what it lacks is named").isEqualTo(2);
		assertThat(reportOnly.sandbox().exchanges()).isEmpty();
		assertThat(output).contains("Unknown (" + UNKNOWN_ORG + "): services of " + NOW.minusMonths(1) + " to " + NOW)
			.contains("Unknown (" + UNKNOWN_ORG + "): the bill of " + NOW.minusMonths(1) + " to " + NOW);
		assertThat(count("SELECT COUNT(*) FROM batch_job_instance")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM usage_row")).isEqualTo(storedRows);
	}

	@Test
	void theSameJobAlreadyRunningExitsThreeAndTouchesNothing(CapturedOutput output) throws Exception {
		String[] args = { "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW, "--to=" + NOW,
				"--sandbox.processing-delay=3s", "--usage.concurrency=8" };
		CompletableFuture<SandboxRun> first = CompletableFuture
			.supplyAsync(() -> SandboxRun.of(this.database, this.dir, args));
		waitForRunningExecution();
		SandboxRun second = SandboxRun.of(this.database, this.dir, args);
		assertThat(second.exitCode()).isEqualTo(3);
		assertThat(second.counters().creates()).isZero();
		assertThat(output).contains("Not started: job 'sandbox-demo' is already running").contains("is STARTED");
		assertThat(first.get(60, TimeUnit.SECONDS).exitCode()).isZero();
		assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
	}

	private void waitForRunningExecution() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			try {
				if (count("SELECT COUNT(*) FROM cost_query WHERE state = 'CREATED'") > 0) {
					return;
				}
			}
			catch (SQLException notMigratedYet) {
				// the first run has not created its tables yet
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the first run never got going");
	}

	private List<String> states() throws SQLException {
		return strings("SELECT org_id || ' ' || state FROM cost_query ORDER BY org_id, window_start");
	}

	private List<String> failures() throws SQLException {
		return strings("SELECT failure FROM cost_query WHERE state = 'FAILED'");
	}

	private int count(String sql) throws SQLException {
		return Integer.parseInt(strings(sql).get(0));
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
