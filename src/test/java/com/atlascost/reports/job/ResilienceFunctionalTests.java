package com.atlascost.reports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.ApiContract;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a sandbox that limits, fails, cuts answers, forgets tokens and
 * pages its lists: the nightly job must come through with exact totals, or stop cleanly
 * with the reasons stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResilienceFunctionalTests {

	private static final String PRODUCTION = SandboxData.ACME_PRODUCTION;

	private static final String ANALYTICS = SandboxData.ACME_ANALYTICS;

	private static final String PLAYGROUND = SandboxData.ACME_SANDBOX;

	private static final String THREE_ORGS = """
			name: resilience
			groupBy: [projects, services]
			organizations:
			  - id: %s
			    projects: all
			  - id: %s
			    projects: all
			  - id: %s
			    projects: all
			""".formatted(PRODUCTION, ANALYTICS, PLAYGROUND);

	@TempDir
	Path dir;

	@Test
	void underFaultsAndATightBucketThreeOrgsTwelveMonthsTwoGroupingsTotalExactlyAsWithoutFaults() throws Exception {
		Path job = write("three-orgs.yml", THREE_ORGS);
		String[] months = { "--from=2024-01", "--to=2024-12", "--sandbox.processing-delay=0ms" };
		Path clean = this.dir.resolve("clean");
		SandboxRun faultFree = SandboxRun.of(clean, concat(months, "--job=" + job, "--sandbox"));
		Path faulty = this.dir.resolve("faulty");
		SandboxRun withFaults = SandboxRun.of(faulty,
				concat(months, "--job=" + job, "--sandbox", "--sandbox.faults.server-error=0.10",
						"--sandbox.faults.unavailable=0.05", "--sandbox.faults.dropped-connection=0.02",
						"--sandbox.faults.truncated-body=0.02", "--sandbox.faults.seed=2024",
						"--sandbox.rate-limit.capacity=20", "--sandbox.rate-limit.refill=2",
						"--sandbox.rate-limit.period=1s", "--atlas.rate-limit.capacity=20",
						"--atlas.rate-limit.refill=2", "--atlas.rate-limit.period=1s", "--atlas.retry.max-attempts=12",
						"--atlas.retry.min-backoff=20ms", "--atlas.retry.max-backoff=500ms"));

		assertThat(faultFree.exitCode()).isZero();
		assertThat(withFaults.exitCode()).as("%s", withFaults.counters()).isZero();
		List<String> rows = usageRows(clean);
		assertThat(rows).hasSizeGreaterThan(3 * 12 * 2);
		assertThat(usageRows(faulty)).containsExactlyElementsOf(rows);
		assertThat(total(faulty)).isEqualTo(total(clean));
		assertThat(withFaults.counters().faultsInjected()).containsKeys("500", "503", "dropped", "truncated");
		Map<String, Long> created = withFaults.counters().queriesCreatedByWindow();
		Map<String, Long> lost = withFaults.counters().tokensLostByWindow();
		// 2 groupings and the bill
		assertThat(created).hasSize(3 * 12 * 3);
		created.forEach((window, count) -> assertThat(count).as("queries created for %s", window)
			.isEqualTo(1 + lost.getOrDefault(window, 0L)));
	}

	/**
	 * The run: a bucket of 20 refilled at 2 a second without {@code Retry-After}
	 * (another client shares it), while the client counts on the published 500 and 100 a
	 * minute, under 10% 500s, 5% 503s, 2% dropped connections and 2% cut bodies. Before
	 * the adaptive pace it met 307 429s and exited 1; now each organization's pace learns
	 * the bucket (from {@code RateLimit-Limit} or its first 429) and meets few or none.
	 */
	@Test
	void aBucketSmallerThanPublishedWithoutRetryAfterUnderFaultsFinishesExactly(CapturedOutput output)
			throws Exception {
		Path job = write("three-orgs.yml", THREE_ORGS);
		String[] months = { "--from=2024-01", "--to=2024-12", "--sandbox.processing-delay=0ms" };
		Path clean = this.dir.resolve("clean");
		SandboxRun faultFree = SandboxRun.of(clean, concat(months, "--job=" + job, "--sandbox"));
		Path faulty = this.dir.resolve("faulty");
		SandboxRun withFaults = SandboxRun.of(faulty, concat(months, "--job=" + job, "--sandbox",
				"--sandbox.faults.server-error=0.10", "--sandbox.faults.unavailable=0.05",
				"--sandbox.faults.dropped-connection=0.02", "--sandbox.faults.truncated-body=0.02",
				"--sandbox.faults.seed=2026", "--sandbox.rate-limit.capacity=20", "--sandbox.rate-limit.refill=2",
				"--sandbox.rate-limit.period=1s", "--sandbox.rate-limit.retry-after=false",
				"--atlas.retry.max-attempts=12", "--atlas.retry.min-backoff=20ms", "--atlas.retry.max-backoff=500ms"));

		assertThat(faultFree.exitCode()).isZero();
		assertThat(withFaults.exitCode()).as("%s", withFaults.counters()).isZero();
		List<String> rows = usageRows(clean);
		assertThat(rows).hasSizeGreaterThan(3 * 12 * 2);
		assertThat(usageRows(faulty)).containsExactlyElementsOf(rows);
		assertThat(total(faulty)).isEqualTo(total(clean));
		assertThat(withFaults.counters().faultsInjected()).containsKeys("500", "503", "dropped", "truncated");
		Map<String, Long> created = withFaults.counters().queriesCreatedByWindow();
		assertThat(created).hasSize(3 * 12 * 3).allSatisfy((window, count) -> assertThat(count).isBetween(1L, 6L));
		long rateLimited = withFaults.counters().rateLimited();
		// the pace learns the bucket from RateLimit-Limit before it meets a 429, or slows
		// down at its first 429 (the invoices, which come first, may meet one); which
		// depends on timing, that each organization learned one way or the other does not
		assertThat(rateLimited).as("429s met").isLessThanOrEqualTo(150L);
		for (String org : List.of(PRODUCTION, ANALYTICS, PLAYGROUND)) {
			assertThat(output).containsPattern("Rate limit of org " + org + "(: Atlas says its bucket holds 20 requests"
					+ " \\(RateLimit-Limit\\), not the 500 configured; pacing to it|.*its bucket looked smaller than"
					+ " published: \\d+ 429s, slowed to 0\\.[0-9]+ requests/s \\(published 1\\.67/s\\))");
		}
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		ApiContract.published().assertRequestsHold(withFaults.sandbox().exchanges(), today);
		ApiContract.published().assertAnswersHold(withFaults.sandbox().exchanges(), today);
	}

	/**
	 * Another client takes most of one organization's bucket: that organization is slowed
	 * down and still finishes; the others, whose buckets are their own, never meet a 429
	 * and keep the pace they were given.
	 */
	@Test
	void anOrganizationSharingItsBucketIsSlowedAloneAndTheOthersKeepTheirPace(CapturedOutput output) throws Exception {
		Path job = write("three-orgs.yml", THREE_ORGS);

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-03",
				"--sandbox.processing-delay=0ms", "--sandbox.rate-limit.capacity=10", "--sandbox.rate-limit.refill=4",
				"--sandbox.rate-limit.period=1s", "--sandbox.rate-limit.retry-after=false",
				"--sandbox.shared-bucket.other-client-rate=3.5", "--sandbox.shared-bucket.organizations=" + PLAYGROUND,
				// the client counts on two requests less than each bucket holds: its
				// clock and
				// the server's never tick together, and the invoices now take their calls
				// first
				"--atlas.rate-limit.capacity=8", "--atlas.rate-limit.refill=4", "--atlas.rate-limit.period=1s");

		assertThat(run.exitCode()).isZero();
		assertThat(output).contains("Rate limit of org " + PLAYGROUND)
			.doesNotContain("Rate limit of org " + PRODUCTION)
			.doesNotContain("Rate limit of org " + ANALYTICS);
		assertThat(strings("SELECT DISTINCT state FROM cost_query")).containsExactly("DONE");
		assertThat(run.counters().rateLimited()).isPositive();
	}

	@Test
	void anOrgWhoseEveryCallFailsEndsTheRunWithExitOneAndTheOthersAreStored(CapturedOutput output) throws Exception {
		Path job = write("services.yml", """
				name: one-org-down
				groupBy: [services]
				organizations:
				  - id: %s
				  - id: %s
				  - id: %s
				""".formatted(PRODUCTION, ANALYTICS, PLAYGROUND));
		long started = System.nanoTime();

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-03",
				"--sandbox.faults.server-error=1.0", "--sandbox.faults.organizations=" + PLAYGROUND,
				"--atlas.retry.max-attempts=3", "--atlas.retry.min-backoff=10ms", "--atlas.polling.deadline=30s");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(strings("SELECT org_id || ' ' || state FROM cost_query ORDER BY org_id, window_start"))
			.containsExactly(PRODUCTION + " DONE", PRODUCTION + " DONE", PRODUCTION + " DONE", PRODUCTION + " DONE",
					PRODUCTION + " DONE", PRODUCTION + " DONE", ANALYTICS + " DONE", ANALYTICS + " DONE",
					ANALYTICS + " DONE", ANALYTICS + " DONE", ANALYTICS + " DONE", ANALYTICS + " DONE",
					PLAYGROUND + " FAILED", PLAYGROUND + " FAILED", PLAYGROUND + " FAILED", PLAYGROUND + " FAILED",
					PLAYGROUND + " FAILED", PLAYGROUND + " FAILED");
		assertThat(strings("SELECT COUNT(*) FROM usage_row u JOIN cost_query q ON q.id = u.query_id WHERE q.org_id = '"
				+ ANALYTICS + "'"))
			.singleElement()
			.isNotEqualTo("0");
		assertThat(strings("SELECT error_status || ' ' || error_code || ': ' || error_detail FROM cost_query"
				+ " WHERE state = 'FAILED'"))
			.containsOnly("500 UNEXPECTED_ERROR: An injected server error.");
		assertThat(strings("SELECT failure FROM cost_query WHERE state = 'FAILED'"))
			.allSatisfy((failure) -> assertThat(failure).contains(PLAYGROUND).contains("500 UNEXPECTED_ERROR"));
		assertThat(output).contains("failed: status 500, errorCode UNEXPECTED_ERROR, detail: An injected server error.")
			.contains("6 of 18 queries failed");
		// services and the bill: 12 stored at once, 6 tried 3 times each
		assertThat(run.counters().creates()).isEqualTo(12 + 6 * 3);
	}

	@Test
	void aTokenForgottenMidPollIsCreatedAgainAndItsWindowStillCompletes() throws Exception {
		Path job = write("one-org.yml", """
				name: forgotten
				groupBy: [organizations]
				organizations:
				  - id: %s
				""".formatted(PRODUCTION));

		// a query created is first polled after the initial interval: processing long
		// enough that its second poll (where the sandbox forgets it) comes before it is
		// done, even on a busy machine
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-02",
				"--sandbox.processing-delay=1500ms", "--sandbox.forgotten-tokens=2",
				"--atlas.polling.initial-interval=100ms");

		assertThat(run.exitCode()).isZero();
		// grouped by organizations without filters: each window's one query is also its
		// bill
		assertThat(run.counters().tokensLostByWindow()).containsOnlyKeys(window(PRODUCTION, "organizations", 2024, 1),
				window(PRODUCTION, "organizations", 2024, 2));
		assertThat(run.counters().queriesCreatedByWindow()).containsOnly(
				Map.entry(window(PRODUCTION, "organizations", 2024, 1), 2L),
				Map.entry(window(PRODUCTION, "organizations", 2024, 2), 2L));
		assertThat(run.counters().responses(404)).isEqualTo(2);
		assertThat(strings("SELECT state FROM cost_query")).containsOnly("DONE");
		// Acme Production pays for Acme Sandbox Org: its queries bring the linked
		// organization's rows too
		assertThat(strings("SELECT SUM(u.amount) FROM usage_row u")).singleElement()
			.isEqualTo(lineItemsTotal(PRODUCTION, 2024, 1).add(lineItemsTotal(PRODUCTION, 2024, 2))
				.add(lineItemsTotal(PLAYGROUND, 2024, 1))
				.add(lineItemsTotal(PLAYGROUND, 2024, 2))
				.toPlainString());
	}

	private static java.math.BigDecimal lineItemsTotal(String org, int year, int month) {
		return new SandboxData(java.time.Clock.systemUTC()).lineItems(org, java.time.YearMonth.of(year, month))
			.stream()
			.map(SandboxData.LineItem::amount)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
	}

	@Test
	void aQueryWhoseTokensKeepGettingLostFailsAfterTheBoundedRecreates() throws Exception {
		Path job = write("one-org.yml", """
				name: lost
				groupBy: [organizations]
				organizations:
				  - id: %s
				""".formatted(PRODUCTION));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-01",
				"--sandbox.processing-delay=1500ms", "--sandbox.forgotten-tokens=100", "--usage.max-recreates=2",
				"--atlas.polling.initial-interval=100ms");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.counters().queriesCreatedByWindow())
			.containsExactly(Map.entry(window(PRODUCTION, "organizations", 2024, 1), 3L));
		assertThat(strings("SELECT state || ' ' || error_status || ' ' || error_code FROM cost_query"))
			.containsExactly("FAILED 404 TOKEN_NOT_FOUND");
	}

	@Test
	void clustersAllDiscoversProjectsAndClustersPageByPageAndNamesLabelTheReport() throws Exception {
		Path job = write("clusters.yml", """
				name: clusters
				groupBy: [clusters, projects]
				organizations:
				  - id: %s
				    projects: all
				    clusters: all
				""".formatted(PRODUCTION));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-05", "--to=2024-05",
				"--atlas.items-per-page=1", "--sandbox.named-usage-rows=false");

		assertThat(run.exitCode()).isZero();
		// Acme Production pays for Acme Sandbox Org, whose projects and clusters its
		// queries cover: three projects of its own and two of the linked organization's,
		// one a page; clusters: storefront 2 pages, payments 1, internal-tools 1 (empty),
		// playground 1, experiments 1
		assertThat(run.counters().projectListings()).isEqualTo(3 + 2);
		// and Flex cluster listings per project: Acme Production's have none (one empty
		// page each); playground 1 page, experiments 2
		assertThat(run.counters().clusterListings()).isEqualTo(4 + 3 + 2 + 1 + 2);
		assertThat(strings("SELECT COUNT(*) FROM usage_row WHERE cluster_name IS NOT NULL OR project_name IS NOT NULL"))
			.as("the sandbox sent ids only")
			.containsExactly("0");
		// the Detail sheet names what the rows only identify, from the discovery
		List<List<String>> detail = detailRows();
		assertThat(detail).filteredOn((row) -> row.get(3).equals("clusters"))
			.extracting((row) -> row.get(8))
			.containsExactlyInAnyOrder("storefront-main", "storefront-search", "payments-ledger", "playground-m0",
					"playground-flex", "experiments-m10", "experiments-flex-a", "experiments-flex-b");
		assertThat(detail).filteredOn((row) -> row.get(3).equals("projects"))
			.extracting((row) -> row.get(6))
			.containsOnly("storefront", "payments", "internal-tools", "playground", "experiments")
			.contains("internal-tools");
	}

	@Test
	void queriesRunConcurrentlyWithinThePerOrgAndTotalBounds() throws Exception {
		Path job = write("services.yml", """
				name: bounded
				groupBy: [services]
				organizations:
				  - id: %s
				  - id: %s
				  - id: %s
				""".formatted(PRODUCTION, ANALYTICS, PLAYGROUND));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-06",
				"--sandbox.processing-delay=300ms", "--usage.concurrency=4", "--usage.concurrency-per-org=2");

		assertThat(run.exitCode()).isZero();
		for (String org : List.of(PRODUCTION, ANALYTICS, PLAYGROUND)) {
			assertThat(run.counters().peakOpenQueries(org)).as(org).isBetween(1L, 2L);
		}
		assertThat(run.counters().peakOpenQueries()).isEqualTo(4);
	}

	private static String window(String org, String groupBy, int year, int month) {
		return org + " " + groupBy + " " + LocalDate.of(year, month, 1);
	}

	/** The Detail sheet's rows as text, below its header. */
	private List<List<String>> detailRows() throws IOException {
		try (var files = Files.list(this.dir.resolve("reports"))) {
			Path xlsx = files.filter((file) -> file.toString().endsWith(".xlsx")).findFirst().orElseThrow();
			try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
					Files.newInputStream(xlsx))) {
				org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
				List<List<String>> rows = new java.util.ArrayList<>();
				for (org.apache.poi.ss.usermodel.Row row : workbook.getSheet("Detail")) {
					if (row.getRowNum() > 0) {
						List<String> cells = new java.util.ArrayList<>();
						for (int c = 0; c < 13; c++) {
							cells.add(format.formatCellValue(row.getCell(c)));
						}
						rows.add(cells);
					}
				}
				return rows;
			}
		}
	}

	private Path write(String name, String yaml) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, yaml);
		return file;
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static List<String> usageRows(Path dir) throws SQLException {
		return SandboxRun.column(dir,
				"SELECT q.org_id || ' ' || q.group_by || ' ' || q.window_start || ' '"
						+ " || COALESCE(u.project_id, '-') || ' ' || COALESCE(u.service, '-') || ' ' || u.amount"
						+ " FROM usage_row u JOIN cost_query q ON q.id = u.query_id ORDER BY 1");
	}

	private static String total(Path dir) throws SQLException {
		return SandboxRun.column(dir, "SELECT SUM(amount) FROM usage_row").get(0);
	}

	private List<String> strings(String sql) throws SQLException {
		return SandboxRun.column(this.dir, sql);
	}

}
