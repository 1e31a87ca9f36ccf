package com.atlascost.reports.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.BenchmarkOutput;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stingy Atlas of issue 30: each organization's bucket holds 20 requests refilled at
 * 2 a second, of which a second client of the organization takes half a request a second;
 * Atlas forgets a query's token 2.5 s after creating it; queries take 0.5 to 2 s; 10 % of
 * calls answer 500, 5 % 503, 2 % drop the connection and 2 % cut the body. The client
 * counts on the published bucket and does not know the token lifetime: it has to learn
 * both and still bring every query home, exactly, in about the time the bucket itself
 * forces.
 */
@ExtendWith(OutputCaptureExtension.class)
class StingyAtlasFunctionalTests {

	private static final List<String> ORGS = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS,
			SandboxData.ACME_SANDBOX);

	private static final int CAPACITY = 20;

	/** What the bucket refills for the job: 2 a second less the other client's half. */
	private static final double RATE_LEFT = 2.0 - 0.5;

	@TempDir
	Path dir;

	@Test
	void threeOrgsTwelveMonthsTwoGroupingsComeHomeExactlyWithinOneAndAHalfTimesWhatTheBucketForces(
			CapturedOutput output) throws Exception {
		Path job = this.dir.resolve("stingy.yml");
		Files.writeString(job, """
				name: stingy
				groupBy: [projects, services]
				organizations:
				  - id: %s
				    projects: all
				  - id: %s
				    projects: all
				  - id: %s
				    projects: all
				""".formatted(ORGS.get(0), ORGS.get(1), ORGS.get(2)));
		long started = System.nanoTime();

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-12",
				"--sandbox.rate-limit.capacity=" + CAPACITY, "--sandbox.rate-limit.refill=2",
				"--sandbox.rate-limit.period=1s", "--sandbox.shared-bucket.other-client-rate=0.5",
				"--sandbox.query-token-lifetime=2500ms", "--sandbox.processing-delay=500ms",
				"--sandbox.processing-delay-max=2s", "--sandbox.faults.server-error=0.10",
				"--sandbox.faults.unavailable=0.05", "--sandbox.faults.dropped-connection=0.02",
				"--sandbox.faults.truncated-body=0.02", "--sandbox.faults.seed=30", "--atlas.retry.max-attempts=12",
				"--atlas.retry.min-backoff=20ms", "--atlas.retry.max-backoff=500ms");

		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		Duration forced = Duration.ZERO;
		for (String org : ORGS) {
			long grants = run.counters().bucketGrants(org);
			Duration orgForced = Duration.ofNanos((long) (Math.max(0, grants - CAPACITY) / RATE_LEFT * 1e9));
			BenchmarkOutput.print("stingy org %s: %d requests granted by its bucket, %s forced", org, grants,
					BenchmarkOutput.seconds(orgForced));
			forced = (orgForced.compareTo(forced) > 0) ? orgForced : forced;
		}
		// the whole run includes the JVM's Spring start, discovery, invoices and the
		// report, which no bucket forces: the bound holds the bucket calls' span, from
		// the first request the sandbox let through to the last
		Duration span = run.counters().bucketSpan();
		BenchmarkOutput.print(
				"stingy run: wall %s, bucket calls %s, the bucket forces %s (ratio %.2f); %d 429s, %d tokens lost",
				BenchmarkOutput.seconds(wall), BenchmarkOutput.seconds(span), BenchmarkOutput.seconds(forced),
				BenchmarkOutput.ratio(span, forced), run.counters().rateLimited(),
				run.counters().tokensLostByWindow().values().stream().mapToLong(Long::longValue).sum());
		assertThat(run.exitCode()).as("%s", run.counters()).isZero();
		// 3 orgs x 12 months x (2 groupings + the bill)
		assertThat(column("SELECT state || ' ' || COUNT(*) FROM cost_query GROUP BY state"))
			.containsExactly("DONE " + (3 * 12 * 3));
		assertThat(storedTotals()).containsExactlyInAnyOrderElementsOf(expectedTotals());
		Map<String, Long> created = run.counters().queriesCreatedByWindow();
		assertThat(created).hasSize(3 * 12 * 3)
			.allSatisfy((window, count) -> assertThat(count).as("creates of %s", window).isBetween(1L, 6L));
		assertThat(run.counters().tokensLostByWindow()).as("Atlas did forget tokens").isNotEmpty();
		assertThat(run.counters().faultsInjected()).containsKeys("500", "503", "dropped", "truncated");

		assertThat(span).as("bucket calls' span against the %s the bucket forces", forced)
			.isLessThan(forced.multipliedBy(3).dividedBy(2));
		assertThat(output).contains("Usage tokens forgotten by Atlas");
	}

	/** Each stored query's total: {@code "<org> <grouping> <month> <amount>"}. */
	private List<String> storedTotals() throws SQLException {
		return column("SELECT q.org_id || ' ' || q.group_by || ' ' || q.window_start || ' ' || SUM(u.amount)"
				+ " FROM cost_query q JOIN usage_row u ON u.query_id = q.id"
				+ " GROUP BY q.org_id, q.group_by, q.window_start");
	}

	/**
	 * What the sandbox holds: every charge for the bill and the services grouping, the
	 * charges of projects (not the organization's support and credits) for the projects
	 * grouping.
	 */
	private static List<String> expectedTotals() {
		SandboxData data = new SandboxData(Clock.systemUTC());
		List<String> totals = new ArrayList<>();
		for (String org : ORGS) {
			for (int month = 1; month <= 12; month++) {
				List<SandboxData.LineItem> items = data.lineItems(org, YearMonth.of(2024, month));
				BigDecimal all = sum(items);
				BigDecimal projects = sum(items.stream().filter((item) -> item.projectId() != null).toList());
				String window = " " + YearMonth.of(2024, month).atDay(1) + " ";
				totals.add(org + " ORGANIZATIONS" + window + all.toPlainString());
				totals.add(org + " SERVICES" + window + all.toPlainString());
				totals.add(org + " PROJECTS" + window + projects.toPlainString());
			}
		}
		return totals;
	}

	private static BigDecimal sum(List<SandboxData.LineItem> items) {
		return items.stream().map(SandboxData.LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private List<String> column(String sql) throws SQLException {
		return SandboxRun.column(this.dir, sql);
	}

}
