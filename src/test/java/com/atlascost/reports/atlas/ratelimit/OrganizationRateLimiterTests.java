package com.atlascost.reports.atlas.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.atlas.AtlasClient;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.atlas.TestAtlasProperties;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;

/**
 * Each organization's pace against a sandbox bucket: the published one, one whose burst
 * runs out, one smaller than published.
 */
class OrganizationRateLimiterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private final AtlasMetrics metrics = new AtlasMetrics(new SimpleMeterRegistry());

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
		AtlasClient client = client(this.sandbox.serviceAccount(), "rate-limit.capacity", String.valueOf(burst));

		long started = System.nanoTime();
		runTwoHundredQueries(client);

		assertThat(this.sandbox.counters().rateLimited()).as("%s", this.sandbox.counters()).isZero();
		assertThat(this.sandbox.counters().creates() + this.sandbox.counters().polls()).isEqualTo(400);
		// ten calls past the burst at 0.6 s each
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(5400));
	}

	private void runTwoHundredQueries(AtlasClient client) {
		List<List<UsageDetail>> results = Flux.range(0, 200)
			.flatMap((i) -> client.costExplorer()
				.createUsageQuery(ORG, month(i))
				.flatMap((token) -> client.costExplorer().awaitUsage(ORG, token)), 200)
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
		AtlasClient client = client(this.sandbox.serviceAccount(), "retry.max-attempts", "1", "rate-limit.period",
				"10s", "rate-limit.network-allowance", "50ms");

		List<String> tokens = Flux.range(0, 40)
			.flatMap((i) -> client.costExplorer().createUsageQuery(ORG, month(i)), 40)
			.collectList()
			.block(TIMEOUT);

		assertThat(tokens).hasSize(40).doesNotHaveDuplicates();
		long rateLimited = this.sandbox.counters().rateLimited();
		assertThat(rateLimited).as("%s", this.sandbox.counters()).isBetween(1L, 45L);
		assertThat(this.metrics.slowedOrganizations()).containsOnlyKeys(ORG);
		OrganizationSlowdown slowdown = this.metrics.slowedOrganizations().get(ORG);
		assertThat(slowdown.rateLimited()).isEqualTo(rateLimited);
		assertThat(slowdown.publishedRate()).isEqualTo(10.0);
		assertThat(slowdown.lowestRate()).isLessThanOrEqualTo(5.0);
	}

	private static UsageQuery month(int index) {
		LocalDate start = LocalDate.of(2000, 1, 1).plusMonths(index);
		return new UsageQuery(start, start.plusMonths(1), List.of(), List.of(), List.of(), List.of("Clusters"),
				"services", false);
	}

	private AtlasClient client(AtlasCredentials credentials, String... properties) {
		return AtlasClient.connect(new AtlasConnection(this.sandbox.baseUrl(), Optional.of(credentials)),
				TestAtlasProperties.of(properties), this.metrics);
	}

}
