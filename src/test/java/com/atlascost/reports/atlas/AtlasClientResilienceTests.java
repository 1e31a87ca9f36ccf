package com.atlascost.reports.atlas;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;

/**
 * The client against a sandbox that limits, fails, cuts answers short and forgets: what
 * the real API does on a bad day.
 */
class AtlasClientResilienceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private AtlasSandbox sandbox;

	@AfterEach
	void stopSandbox() {
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
	}

	@Test
	void theDefaultLimiterIsThePublishedBucket() {
		SandboxSettings.RateLimit published = SandboxSettings.RateLimit.published();
		assertThat(TestAtlasProperties.of().rateLimit()).isEqualTo(new AtlasProperties.RateLimit(true,
				published.capacity(), published.refill(), published.period(), Duration.ofSeconds(1), true, 60, 10));
		assertThat(List.of(published.capacity(), published.refill())).containsExactly(500, 100);
		assertThat(published.period()).isEqualTo(Duration.ofSeconds(60));
	}

	/**
	 * 200 queries of one org, 400 calls: the default limiter against the published
	 * bucket.
	 */
	@Test
	void a200QueryRunAgainstThePublishedBucketGetsNo429() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.rateLimit(SandboxSettings.RateLimit.published())
			.build());

		runTwoHundredQueries(client(this.sandbox.serviceAccount()));

		assertThat(this.sandbox.counters().rateLimited()).as("%s", this.sandbox.counters()).isZero();
		assertThat(this.sandbox.counters().creates() + this.sandbox.counters().polls()).isEqualTo(400);
	}

	/**
	 * The same run against a bucket of the published refill (100 a minute) but a burst of
	 * 390 on both sides, so that the last calls live on the refill: the limiter spaces
	 * them out instead of meeting 429s. (Time is not compressed: the refill's 600 ms
	 * between tokens dwarfs scheduling jitter, as it does against Atlas.)
	 */
	@Test
	void a200QueryRunThatOutgrowsTheBurstWaitsForTheRefillInsteadOfMeeting429s() {
		int burst = 390;
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.rateLimit(SandboxSettings.RateLimit.of(burst, 100, Duration.ofSeconds(60)))
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "rate-limit.capacity",
				String.valueOf(burst));

		long started = System.nanoTime();
		runTwoHundredQueries(client);

		assertThat(this.sandbox.counters().rateLimited()).as("%s", this.sandbox.counters()).isZero();
		assertThat(this.sandbox.counters().creates() + this.sandbox.counters().polls()).isEqualTo(400);
		// ten calls past the burst at 0.6 s each
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(5400));
	}

	private void runTwoHundredQueries(AtlasCostExplorerClient client) {
		List<List<UsageDetail>> results = Flux.range(0, 200)
			.flatMap((i) -> client.createUsageQuery(ORG, month(i)).flatMap((token) -> client.awaitUsage(ORG, token)),
					200)
			.collectList()
			.block(TIMEOUT);
		assertThat(results).hasSize(200).allSatisfy((usage) -> assertThat(usage).isNotEmpty());
	}

	/**
	 * The client believes the published bucket (a burst of 500) while the organization's
	 * bucket holds 10 refilled at 5 a second, without {@code Retry-After}: the first 429s
	 * halve the pace and take the burst away, the calls queue instead of failing, and the
	 * 429s stay few (they are not charged to the retries of real failures, of which there
	 * is one).
	 */
	@Test
	void aBucketSmallerThanPublishedSlowsTheOrganizationDownInsteadOfFailingItsCalls() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.rateLimit(SandboxSettings.RateLimit.of(10, 5, Duration.ofSeconds(1)).withoutRetryAfter())
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "retry.max-attempts", "1",
				"rate-limit.period", "10s", "rate-limit.network-allowance", "50ms");

		List<String> tokens = Flux.range(0, 40)
			.flatMap((i) -> client.createUsageQuery(ORG, month(i)), 40)
			.collectList()
			.block(TIMEOUT);

		assertThat(tokens).hasSize(40).doesNotHaveDuplicates();
		long rateLimited = this.sandbox.counters().rateLimited();
		assertThat(rateLimited).as("%s", this.sandbox.counters()).isBetween(1L, 45L);
		assertThat(client.slowedOrganizations()).containsOnlyKeys(ORG);
		OrganizationSlowdown slowdown = client.slowedOrganizations().get(ORG);
		assertThat(slowdown.rateLimited()).isEqualTo(rateLimited);
		assertThat(slowdown.publishedRate()).isEqualTo(10.0);
		assertThat(slowdown.lowestRate()).isLessThanOrEqualTo(5.0);
	}

	@Test
	void withoutTheLimiterA429IsRetriedAfterRetryAfter() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.rateLimit(SandboxSettings.RateLimit.of(4, 4, Duration.ofSeconds(1)))
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "rate-limit.enabled", "false",
				"retry.max-attempts", "10", "retry.min-backoff", "10ms");

		long started = System.nanoTime();
		List<String> tokens = Flux.range(0, 8)
			.flatMap((i) -> client.createUsageQuery(ORG, month(i)), 8)
			.collectList()
			.block(TIMEOUT);

		assertThat(tokens).hasSize(8).doesNotHaveDuplicates();
		assertThat(this.sandbox.counters().rateLimited()).isPositive();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void a429WithoutRetryAfterIsRetriedWithBackoff() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.rateLimit(SandboxSettings.RateLimit.of(2, 10, Duration.ofSeconds(1)).withoutRetryAfter())
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "rate-limit.enabled", "false",
				"retry.max-attempts", "10", "retry.min-backoff", "50ms");

		List<String> tokens = Flux.range(0, 6)
			.flatMap((i) -> client.createUsageQuery(ORG, month(i)), 6)
			.collectList()
			.block(TIMEOUT);

		assertThat(tokens).hasSize(6);
		assertThat(this.sandbox.counters().rateLimited()).isPositive();
	}

	@Test
	void droppedConnectionsAndTruncatedBodiesAreRetriedAndOnlyCutCreatesCostAToken() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.faults(SandboxSettings.Faults.random(0, 0, 0.25, 0.25, 0, Duration.ZERO, 7))
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "retry.max-attempts", "12",
				"retry.min-backoff", "5ms", "retry.max-backoff", "20ms");

		for (int i = 0; i < 12; i++) {
			UsageQuery query = month(i);
			List<UsageDetail> usage = client.createUsageQuery(ORG, query)
				.flatMap((token) -> client.awaitUsage(ORG, token))
				.block(TIMEOUT);
			assertThat(usage).isEqualTo(this.sandbox.data().usageFor(ORG, query));
		}

		Map<String, Long> faults = this.sandbox.counters().faultsInjected();
		assertThat(faults).containsKeys("dropped", "truncated");
		Map<String, Long> created = this.sandbox.counters().queriesCreatedByWindow();
		Map<String, Long> lost = this.sandbox.counters().tokensLostByWindow();
		assertThat(created).hasSize(12);
		created.forEach((window, count) -> assertThat(count).as(window).isEqualTo(1 + lost.getOrDefault(window, 0L)));
	}

	@Test
	void readTimeoutsAreRetried() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.faults(SandboxSettings.Faults.random(0, 0, 0, 0, 0.5, Duration.ofSeconds(2), 3))
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "timeouts.read", "300ms",
				"retry.max-attempts", "12", "retry.min-backoff", "5ms", "retry.max-backoff", "20ms");

		for (int i = 0; i < 4; i++) {
			assertThat(client.listProjects(ORG).collectList().block(TIMEOUT)).hasSize(3);
		}

		assertThat(this.sandbox.counters().faultsInjected()).containsKey("slow");
		assertThat(this.sandbox.counters().projectListings()).isGreaterThan(4);
	}

	@Test
	void a401WithAServiceAccountFetchesANewTokenOnce() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().injectedFailures(401).build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount());

		assertThat(client.createUsageQuery(ORG, month(0)).block(TIMEOUT)).hasSize(64);

		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(2);
		assertThat(this.sandbox.counters().creates()).isEqualTo(2);

	}

	@Test
	void concurrentFirstCallsShareOneTokenRequest() {
		this.sandbox = AtlasSandbox.start();
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount());

		List<String> tokens = Flux.range(0, 50)
			.flatMap((i) -> client.createUsageQuery(ORG, month(i)), 50)
			.collectList()
			.block(TIMEOUT);

		assertThat(tokens).hasSize(50);
		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(1);
	}

	@Test
	void aSecond401IsFinal() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().injectedFailures(401, 401).build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount());

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.createUsageQuery(ORG, month(0)).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.errorCode()).isEqualTo("UNAUTHORIZED");
			});
		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(2);
		assertThat(this.sandbox.counters().creates()).isEqualTo(2);
	}

	@Test
	void a403IsNeverRetried() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().injectedFailures(403).build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount());

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.createUsageQuery(ORG, month(0)).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
		assertThat(this.sandbox.counters().creates()).isEqualTo(1);
	}

	@Test
	void anExpiredQueryTokenIsA404() throws InterruptedException {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ofSeconds(5))
			.queryTokenLifetime(Duration.ofMillis(200))
			.build());
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount());
		String token = client.createUsageQuery(ORG, month(0)).block(TIMEOUT);
		assertThat(client.pollUsage(ORG, token).block(TIMEOUT)).isInstanceOf(UsagePoll.Processing.class);
		Thread.sleep(300);

		assertThatExceptionOfType(AtlasApiException.class).isThrownBy(() -> client.pollUsage(ORG, token).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.errorCode()).isEqualTo("TOKEN_NOT_FOUND");
			});
		assertThat(this.sandbox.counters().tokensLostByWindow()).containsValue(1L);
	}

	@Test
	void pollingStartsAtOnceAndBacksOffByTheMultiplierToTheCap() {
		AtlasProperties.Polling polling = TestAtlasProperties
			.of("polling.initial-interval", "100ms", "polling.multiplier", "2", "polling.max-interval", "500ms")
			.polling();
		assertThat(List.of(0L, 1L, 2L, 3L, 10L))
			.extracting((index) -> AtlasCostExplorerClient.pollInterval(index, polling).toMillis())
			.containsExactly(100L, 200L, 400L, 500L, 500L);
		assertThat(TestAtlasProperties.of().polling().multiplier()).isEqualTo(1.5);
	}

	@Test
	void discoveryPagesThroughProjectsAndClusters() {
		this.sandbox = AtlasSandbox.start();
		AtlasCostExplorerClient client = client(this.sandbox.serviceAccount(), "items-per-page", "2");
		SandboxData.Organization org = this.sandbox.data().organization(ORG).orElseThrow();

		List<AtlasProject> projects = client.listProjects(ORG).collectList().block(TIMEOUT);
		List<AtlasCluster> clusters = Flux.fromIterable(projects)
			.concatMap((project) -> client.listClusters(ORG, project.id()))
			.collectList()
			.block(TIMEOUT);

		assertThat(org.projects()).hasSizeGreaterThan(2);
		assertThat(projects).extracting(AtlasProject::name)
			.containsExactlyElementsOf(org.projects().stream().map(SandboxData.Project::name).toList());
		assertThat(this.sandbox.counters().projectListings()).isEqualTo(2);
		assertThat(clusters).extracting(AtlasCluster::name)
			.containsExactly("storefront-main", "storefront-search", "payments-ledger");
		// storefront's two clusters fill one page exactly: a second page shows it is the
		// last
		assertThat(this.sandbox.counters().clusterListings()).isEqualTo(3);
	}

	private static UsageQuery month(int index) {
		LocalDate start = LocalDate.of(2000, 1, 1).plusMonths(index);
		return new UsageQuery(start, start.plusMonths(1), List.of(), List.of(), List.of(), List.of("Clusters"),
				"services", false);
	}

	private AtlasCostExplorerClient client(AtlasCredentials credentials, String... properties) {
		return new AtlasCostExplorerClient(new AtlasConnection(this.sandbox.baseUrl(), Optional.of(credentials)),
				TestAtlasProperties.of(properties));
	}

}
