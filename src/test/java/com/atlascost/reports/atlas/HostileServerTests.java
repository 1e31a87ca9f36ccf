package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against a sandbox behaving as an attacker or a broken proxy would, on the
 * real HTTP path: every case ends in a bounded time, with a named failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileServerTests {

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private static final UsageQuery QUERY = new UsageQuery(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1),
			List.of(ORG), List.of(), List.of(), List.of(), "organizations", false);

	private AtlasSandbox sandbox;

	@AfterEach
	void stopSandbox() {
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
	}

	@Test
	void theDefaultsBoundEveryWait() {
		AtlasProperties defaults = TestAtlasProperties.of();
		assertThat(defaults.maxAnswerSize().toMegabytes()).isEqualTo(32);
		assertThat(defaults.timeouts().exchange()).isEqualTo(Duration.ofMinutes(2));
		assertThat(defaults.retry().maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
		assertThat(defaults.rateLimit().listingsPerSecond()).isEqualTo(10);
	}

	/** A 50 MB answer at the default limit: refused, once, with the setting named. */
	@Test
	void anAnswerAboveTheMaximumSizeFailsClearlyAndIsNotRetried() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.faults(SandboxSettings.Faults.none().withPaddingBytes(50 * 1024 * 1024))
			.build());
		AtlasClient client = client();
		String token = client.costExplorer().createUsageQuery(ORG, QUERY).block(Duration.ofSeconds(30));

		assertThatThrownBy(() -> client.costExplorer().awaitUsage(ORG, token).block(Duration.ofSeconds(60)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.ANSWER_TOO_LARGE);
				assertThat(ex.detail()).contains("atlas.max-answer-size (32MB)");
				assertThat(ex.isTransient()).isFalse();
			});
		assertThat(this.sandbox.counters().polls()).isEqualTo(1);
	}

	/**
	 * A server dripping one byte every 50 ms: the read timeout never trips, the exchange
	 * deadline does, on the create and on the token call alike, and the retries are
	 * bounded.
	 */
	@Test
	void aDrippingServerIsCutOffByTheExchangeDeadline() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.faults(SandboxSettings.Faults.none().withDrip(Duration.ofMillis(50)))
			.build());
		AtlasClient client = client("timeouts.exchange", "1s", "retry.max-attempts", "2", "retry.min-backoff", "10ms");
		long started = System.nanoTime();

		assertThatThrownBy(() -> client.costExplorer().createUsageQuery(ORG, QUERY).block(Duration.ofSeconds(60)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.NO_ANSWER);
				assertThat(ex.detail()).contains("atlas.timeouts.exchange (PT1S)");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		// the token request dripped: no create was ever sent; the retry joined the token
		// request already under way (one at a time) rather than start another
		assertThat(this.sandbox.counters().creates()).isZero();
		assertThat(this.sandbox.counters().tokenRequests()).isBetween(1L, 2L);
	}

	/** {@code Retry-After: 100000} (28 hours): waited the cap, with a warning. */
	@Test
	void anExtremeRetryAfterIsCapped(CapturedOutput output) {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ZERO)
			.injectedFailures(429)
			.faults(SandboxSettings.Faults.none().withRetryAfter(Duration.ofSeconds(100_000)))
			.build());
		AtlasClient client = client("retry.max-retry-after", "1s");
		long started = System.nanoTime();

		String token = client.costExplorer().createUsageQuery(ORG, QUERY).block(Duration.ofSeconds(30));

		assertThat(token).hasSize(64);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(this.sandbox.counters().rateLimited()).isEqualTo(1);
		assertThat(output)
			.contains("was asked to wait 100000s (Retry-After); waiting 1s," + " atlas.retry.max-retry-after");
	}

	/**
	 * A listing whose {@code totalCount} grows by one on every page: paged at most
	 * {@code totalCount / itemsPerPage + 1} times, then a named failure, and paced by the
	 * listing limiter.
	 */
	@Test
	void anEndlessListingIsPagedABoundedNumberOfTimesAtTheListingPace() {
		this.sandbox = AtlasSandbox
			.start(SandboxSettings.builder().faults(SandboxSettings.Faults.none().withEndlessPaging()).build());
		AtlasClient client = client("items-per-page", "2", "rate-limit.listings-per-second", "4");
		long started = System.nanoTime();

		assertThatThrownBy(() -> client.organizations().listProjects(ORG).collectList().block(Duration.ofSeconds(30)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.UNEXPECTED_ANSWER);
				assertThat(ex.detail()).startsWith("totalCount: the list did not end within 2 pages of 2");
			});
		// page 1 says 3 items: 3 / 2 + 1 = 2 pages
		assertThat(this.sandbox.counters().projectListings()).isEqualTo(2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void malformedIdsAndTokensNeverReachAUrl() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.defaults());
		AtlasClient client = client();

		assertThatThrownBy(() -> client.costExplorer().pollUsage(ORG, "..").block(Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("INVALID_ID");
				assertThat(ex.detail()).isEqualTo("token: '..' is not a query token (64 hex digits); not sent");
			});
		assertThatThrownBy(() -> client.clusters().listClusters(ORG, "..").collectList().block(Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> assertThat(ex.detail())
				.isEqualTo("groupId: '..' is not an Atlas id (24 hex digits); not sent"));
		assertThatThrownBy(() -> client.invoices().getInvoice(ORG, "../../x").block(Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> assertThat(ex.detail())
				.isEqualTo("invoiceId: '../../x' is not an Atlas id (24 hex digits); not sent"));
		assertThatThrownBy(
				() -> client.costExplorer().createUsageQuery("../" + ORG, QUERY).block(Duration.ofSeconds(10)))
			.isInstanceOf(AtlasApiException.class);
		assertThat(this.sandbox.exchanges()).isEmpty();
		assertThat(this.sandbox.counters().tokenRequests()).isZero();
	}

	private AtlasClient client(String... properties) {
		return AtlasClient.connect(
				new AtlasConnection(this.sandbox.baseUrl(), Optional.of(this.sandbox.serviceAccount())),
				TestAtlasProperties.of(properties), new AtlasMetrics(new SimpleMeterRegistry()));
	}

}
