package com.atlascost.reports.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Night after night over a long look-back: settled months come from the database, a
 * relaunch the same day does nothing, {@code --refresh} fetches everything, and the run
 * history and restart commands work on what the job repository holds.
 */
@ExtendWith(OutputCaptureExtension.class)
class NightlyFunctionalTests {

	private static final int SETTLEMENT_DAYS = 5;

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void theNextNightOverTwentyFourMonthsCreatesOnlyOpenAndUnsettledMonths(CapturedOutput output) throws Exception {
		Path job = this.dir.resolve("nightly.yml");
		Files.writeString(job, """
				name: nightly
				lookbackMonths: 24
				groupBy: [projects, services]
				organizations:
				  - id: %s
				    label: Acme Production
				  - id: %s
				    label: Acme Analytics
				""".formatted(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS));
		// 2 organizations x (2 groupings + the bill)
		int queriesPerMonth = 2 * 3;

		SandboxRun yesterday = nightly(job, TODAY.minusDays(1));
		assertThat(yesterday.exitCode()).isZero();
		assertThat(yesterday.counters().creates()).isEqualTo(24 * queriesPerMonth);
		TestDatabase.Rows db = TestDatabase.h2().at(this.dir);
		int rows = db.count("SELECT COUNT(*) FROM usage_row");

		SandboxRun tonight = nightly(job, TODAY);
		assertThat(tonight.exitCode()).isZero();
		assertThat(tonight.counters().creates()).as("only the open month and months not yet settled")
			.isEqualTo(unsettledMonthsOfTheLast24() * queriesPerMonth);
		assertThat(db.count("SELECT COUNT(*) FROM usage_row")).as("replaced, not added to").isEqualTo(rows);
		assertThat(output).contains("Fetching " + unsettledMonthsOfTheLast24() * queriesPerMonth + " of "
				+ 24 * queriesPerMonth + " queries");

		SandboxRun again = nightly(job, TODAY);
		assertThat(again.exitCode()).isZero();
		assertThat(again.counters().creates()).isZero();
		assertThat(again.counters().polls()).isZero();
		assertThat(again.counters().tokenRequests()).isZero();
		assertThat(again.sandbox().exchanges()).as("the report is rebuilt from the database").isEmpty();
		assertThat(output).contains("Job execution 2 of 'nightly'")
			.contains("already completed at")
			.contains("its report is rebuilt from the database; pass --refresh to fetch again");
		assertThat(db.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(3);
		assertThat(db.count("SELECT COUNT(*) FROM usage_row")).isEqualTo(rows);

		SandboxRun refreshed = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--run-date=" + TODAY, "--refresh");
		assertThat(refreshed.exitCode()).isZero();
		assertThat(refreshed.counters().creates()).isEqualTo(24 * queriesPerMonth);
		assertThat(db.count("SELECT COUNT(*) FROM usage_row")).isEqualTo(rows);
		assertThat(db.rows("SELECT run_date_and_id FROM (SELECT i.job_instance_id, "
				+ "MAX(CASE WHEN p.parameter_name = 'run.date' THEN p.parameter_value END) || '/' || "
				+ "MAX(CASE WHEN p.parameter_name = 'run.id' THEN p.parameter_value END) AS run_date_and_id"
				+ " FROM batch_job_instance i JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id"
				+ " JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id"
				+ " GROUP BY i.job_instance_id) x ORDER BY 1"))
			.as("one job instance a night, one more for the rebuilt report and one for the refresh")
			.containsExactly(TODAY.minusDays(1) + "/1", TODAY + "/1", TODAY + "/2", TODAY + "/3");
	}

	@Test
	void historyListsRecentRunsAndTheLastFailedOneCanBeRestarted(CapturedOutput output) throws Exception {
		Path job = this.dir.resolve("two-orgs.yml");
		Files.writeString(job, """
				name: two-orgs
				groupBy: [services]
				organizations:
				  - id: %s
				    label: Known
				  - id: 0123456789abcdef01234567
				    label: Unknown to the sandbox
				""".formatted(SandboxData.ACME_PRODUCTION));
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		SandboxRun failed = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=" + now, "--to=" + now);
		assertThat(failed.exitCode()).isEqualTo(1);
		SandboxRun demo = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=" + now,
				"--to=" + now);
		assertThat(demo.exitCode()).isZero();

		int before = output.length();
		assertThat(SandboxRun.of(this.dir, "--history").exitCode()).isZero();
		String history = output.toString().substring(before);
		assertThat(history).contains("Recent runs, newest first (2):")
			.containsSubsequence("#2 sandbox-demo COMPLETED", "queries: 6 planned, 6 done, 0 failed",
					"parameters: job.name=sandbox-demo from=" + now + " to=" + now + " run.date=" + TODAY
							+ " run.id=1 refresh=false job.file=jobs/sandbox.yml",
					"reports: " + this.dir.resolve("reports").resolve("sandbox-demo_" + now + "_" + now + ".xlsx"),
					"#1 two-orgs FAILED", "queries: 4 planned, 2 done, 2 failed")
			.doesNotContain(failed.sandbox().serviceAccount().clientSecret())
			.doesNotContain(demo.sandbox().serviceAccount().clientSecret());

		before = output.length();
		assertThat(SandboxRun.of(this.dir, "--history", "--job=" + job).exitCode()).isZero();
		assertThat(output.toString().substring(before)).contains("Recent runs of 'two-orgs', newest first (1):")
			.doesNotContain("sandbox-demo COMPLETED");

		SandboxRun restarted = SandboxRun.of(this.dir, "--restart-last-failed", "--job=" + job, "--sandbox");
		assertThat(restarted.exitCode()).as("the unknown org fails again").isEqualTo(1);
		assertThat(restarted.counters().creates()).as("only the failed queries (services and bill) are asked again")
			.isEqualTo(2);
		assertThat(output).contains("Restarting job execution 1 (status FAILED) of 'two-orgs'");
		TestDatabase.Rows db = TestDatabase.h2().at(this.dir);
		assertThat(db.count("SELECT COUNT(*) FROM batch_job_execution WHERE job_instance_id = 1")).isEqualTo(2);

		SandboxRun nothing = SandboxRun.of(this.dir, "--restart-last-failed", "--job=jobs/sandbox.yml", "--sandbox");
		assertThat(nothing.exitCode()).isZero();
		assertThat(nothing.counters().creates()).isZero();
		assertThat(output).contains("Nothing to do: job 'sandbox-demo' has no failed execution to restart");
	}

	@Test
	void aRunDateThatIsNotADateIsInvalidInput(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--run-date=2026-13-01");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: --run-date=2026-13-01: not a date; use YYYY-MM-DD");
		assertThat(run.counters().creates()).isZero();
	}

	private SandboxRun nightly(Path job, LocalDate runDate) {
		return SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--run-date=" + runDate);
	}

	/** Months of the look-back that end less than the settlement days before now. */
	private static int unsettledMonthsOfTheLast24() {
		Instant now = Instant.now();
		YearMonth current = YearMonth.now(ZoneOffset.UTC);
		int unsettled = 0;
		for (int back = 0; back < 24; back++) {
			YearMonth month = current.minusMonths(back);
			Instant settles = month.plusMonths(1)
				.atDay(1)
				.plusDays(SETTLEMENT_DAYS)
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
			if (now.isBefore(settles)) {
				unsettled++;
			}
		}
		return unsettled;
	}

}
