package com.atlascost.reports.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.atlascost.reports.testsupport.BenchmarkOutput.print;
import static com.atlascost.reports.testsupport.BenchmarkOutput.ratio;
import static com.atlascost.reports.testsupport.BenchmarkOutput.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.sandbox.SandboxCounters;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;

/**
 * The fetch phase of 3 organizations x 24 months x 2 groupings (144 queries, and the 72
 * queries of the organizations' bills: 216), each query running 1 to 2 s in the sandbox
 * behind the published bucket, with the default settings (after one unmeasured warm-up
 * run of the same job), three times; with {@code -Dbenchmark.sequential=true} also with
 * one query at a time (about 5 minutes more). Prints numbers; asserts only that the runs
 * succeed (a benchmark, not a timed test). Its name keeps it out of the default test run:
 *
 * <pre>
 * ./mvnw -B test -Dtest=FetchBenchmark -Djacoco.skip=true
 * </pre>
 */
@Tag("benchmark")
class FetchBenchmark {

	/** 3 organizations x 24 months x (2 groupings + the bill). */
	private static final int QUERIES = 3 * 24 * 3;

	@TempDir
	Path dir;

	@Test
	void fetchPhaseAgainstItsLowerBoundAndAgainstConcurrencyOne() throws Exception {
		Path job = this.dir.resolve("benchmark.yml");
		Files.writeString(job, """
				name: benchmark
				groupBy: [projects, services]
				organizations:
				  - id: %s
				    projects: all
				  - id: %s
				    projects: all
				  - id: %s
				    projects: all
				""".formatted(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS, SandboxData.ACME_SANDBOX));
		String[] common = { "--job=" + job, "--sandbox", "--from=2023-01", "--to=2024-12",
				"--sandbox.processing-delay=1s", "--sandbox.processing-delay-max=2s" };

		// the first run of a JVM pays for class loading and JIT compilation: not measured
		SandboxRun warmUp = SandboxRun.of(this.dir.resolve("warm-up"), common);
		assertThat(warmUp.exitCode()).isZero();
		AtlasProperties.RateLimit limit = com.atlascost.reports.atlas.TestAtlasProperties.of().rateLimit();
		// every query needs at least a create and one poll, all in its org's bucket
		long minCallsPerOrg = 2L * QUERIES / 3;
		Duration forcedByRateLimit = limit.period()
			.multipliedBy(Math.max(0, minCallsPerOrg - limit.capacity()))
			.dividedBy(limit.refill());
		double best = Double.MAX_VALUE;
		for (int i = 1; i <= 3; i++) {
			Result concurrent = run("default concurrency, run " + i, common);
			Duration lowerBound = concurrent.counters().longestProcessing().plus(forcedByRateLimit);
			double ratio = ratio(concurrent.fetch(), lowerBound);
			best = Math.min(best, ratio);
			print("run %d: fetch phase %s, slowest query %s + forced by the rate limit %s = lower bound %s: %.2f x"
					+ " the lower bound (target <= 1.5); 429 answers %d; polls per query %.2f, at most %d (limit"
					+ " 6); load %s", i, seconds(concurrent.fetch()),
					seconds(concurrent.counters().longestProcessing()), seconds(forcedByRateLimit), seconds(lowerBound),
					ratio, concurrent.counters().rateLimited(), (double) concurrent.counters().polls() / QUERIES,
					concurrent.counters().mostPollsOfOneQuery(), load());
		}
		print("best of three: %.2f x the lower bound (target <= 1.5)", best);
		if (Boolean.getBoolean("benchmark.sequential")) {
			Result concurrent = run("default concurrency", common);
			Result sequential = run("concurrency 1", concat(common, "--usage.concurrency=1"));
			print("fetch phase, concurrency 1: %s; default concurrency is %.1f x faster (target >= 20)",
					seconds(sequential.fetch()), ratio(sequential.fetch(), concurrent.fetch()));
		}
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.2f",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private Result run(String name, String... args) throws SQLException {
		Path runDir = this.dir.resolve(name.replace(' ', '-').replace(",", ""));
		SandboxRun run = SandboxRun.of(runDir, args);
		assertThat(run.exitCode()).isZero();
		Duration fetch = fetchDuration(runDir);
		SandboxCounters counters = run.counters();
		long calls = counters.creates() + counters.polls();
		print("%s: %d queries, fetch phase %s, API calls per query %.2f (%d creates, %d polls), 429 answers %d, peak"
				+ " open queries %d", name, QUERIES, seconds(fetch), (double) calls / QUERIES, counters.creates(),
				counters.polls(), counters.rateLimited(), counters.peakOpenQueries());
		return new Result(fetch, counters);
	}

	private static Duration fetchDuration(Path runDir) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(runDir), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT start_time, end_time FROM batch_step_execution WHERE step_name = 'fetch'")) {
			rs.next();
			Timestamp start = rs.getTimestamp(1);
			Timestamp end = rs.getTimestamp(2);
			return Duration.between(start.toInstant(), end.toInstant());
		}
	}

	private static String[] concat(String[] first, String more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + 1);
		all[first.length] = more;
		return all;
	}

	private record Result(Duration fetch, SandboxCounters counters) {
	}

}
