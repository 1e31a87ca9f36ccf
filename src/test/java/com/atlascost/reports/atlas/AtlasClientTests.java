package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.sandbox.ApiContract;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;

/** The client against a real sandbox over HTTP: no mocks on either side. */
class AtlasClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private static final UsageQuery BY_PROJECTS = new UsageQuery(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1),
			List.of(), List.of("6a1b2c3d4e5f60718293a4b1", "6a1b2c3d4e5f60718293a4b2"), List.of(), List.of(),
			"projects", false);

	private AtlasSandbox sandbox;

	@AfterEach
	void stopSandbox() {
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
	}

	@ParameterizedTest(name = "{0}, envelope={1}")
	@CsvSource({ "service-account, true", "service-account, false", "api-key, true", "api-key, false" })
	void createsAwaitsAndReadsUsage(String auth, boolean envelope) {
		// long enough that the first poll finds the query still processing, even on a
		// busy machine
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ofSeconds(1)).build());
		AtlasClient client = client(credentials(auth), "envelope", String.valueOf(envelope), "polling.initial-interval",
				"20ms", "polling.max-interval", "80ms");

		String token = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);
		List<UsageDetail> usage = client.costExplorer().awaitUsage(ORG, token).block(TIMEOUT);

		assertThat(token).matches("[a-f0-9]{64}");
		assertThat(usage).isNotEmpty().isEqualTo(this.sandbox.data().usageFor(ORG, BY_PROJECTS));
		assertThat(usage).allSatisfy((row) -> assertThat(row.usageAmount().scale()).isEqualTo(2));
		assertThat(this.sandbox.counters().responses(102)).as("%s", this.sandbox.counters()).isPositive();
		assertThat(this.sandbox.counters().polls()).isEqualTo(this.sandbox.counters().responses(102) + 1);
	}

	@Test
	void aQueryJustCreatedIsFirstPolledAfterTheInitialIntervalAResumedOneAtOnce() {
		// ready 1.5 s after its create; polls every second: half a second of margin
		// either way
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ofMillis(1500)).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "polling.initial-interval", "1s",
				"polling.multiplier", "1");

		String created = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);
		List<UsageDetail> usage = client.costExplorer().awaitCreatedUsage(ORG, created, TIMEOUT).block(TIMEOUT);
		long pollsOfCreated = this.sandbox.counters().polls();
		String resumed = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);
		client.costExplorer().awaitUsage(ORG, resumed).block(TIMEOUT);
		long pollsOfResumed = this.sandbox.counters().polls() - pollsOfCreated;

		assertThat(usage).isEqualTo(this.sandbox.data().usageFor(ORG, BY_PROJECTS));
		// created: 102 at 1 s, 200 at 2 s; resumed: 102 at once and at 1 s, 200 at 2 s
		assertThat(pollsOfCreated).isEqualTo(2);
		assertThat(pollsOfResumed).isEqualTo(3);
		assertThat(this.sandbox.counters().responses(102)).isEqualTo(3);
	}

	@ParameterizedTest(name = "envelope={0}")
	@CsvSource({ "true", "false" })
	void readsPartialMatchesAndLinkedOrganizations(boolean envelope) {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ZERO).build());
		AtlasClient client = client(this.sandbox.apiKey(), "envelope", String.valueOf(envelope));
		// Acme Production pays for Acme Sandbox Org: the sandbox takes only a linked
		// organization beside the path's
		UsageQuery query = new UsageQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1),
				List.of(ORG, SandboxData.ACME_SANDBOX), List.of(), List.of(), List.of("Clusters", "Support", "Credits"),
				"services", true);

		List<UsageDetail> usage = client.costExplorer()
			.createUsageQuery(ORG, query)
			.flatMap((token) -> client.costExplorer().awaitUsage(ORG, token))
			.block(TIMEOUT);

		assertThat(usage).hasSize(2 * 3 * 3).isEqualTo(this.sandbox.data().usageFor(ORG, query));
		assertThat(usage).filteredOn((row) -> row.service().equals("Credits"))
			.allSatisfy((row) -> assertThat(row.usageAmount()).isNegative());
	}

	@Test
	void rawProcessingAnswersDoNotStallTheNextRequest() {
		// the query never finishes during the test, so every poll must come back 102; a
		// stalled
		// connection would instead wait out the read timeout and fail
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ofMinutes(10)).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "envelope", "false", "timeouts.read", "5s");
		String token = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);

		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			assertThat(client.costExplorer().pollUsage(ORG, token).block(TIMEOUT))
				.isInstanceOf(UsagePoll.Processing.class);
		}

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void reusesTheOAuthTokenAcrossCalls() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ZERO).build());
		AtlasClient client = client(this.sandbox.serviceAccount());

		for (int i = 0; i < 3; i++) {
			String token = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);
			client.costExplorer().awaitUsage(ORG, token).block(TIMEOUT);
		}
		client.organizations().listProjects(ORG).collectList().block(TIMEOUT);

		assertThat(this.sandbox.counters().creates()).isEqualTo(3);
		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(1);
	}

	@Test
	void fetchesANewTokenWithinAMinuteOfExpiry() throws InterruptedException {
		// 61 s lifetime: with the one-minute clock skew the token is due after one second
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().tokenLifetime(Duration.ofSeconds(61)).build());
		AtlasClient client = client(this.sandbox.serviceAccount());

		client.organizations().listProjects(ORG).collectList().block(TIMEOUT);
		client.organizations().listProjects(ORG).collectList().block(TIMEOUT);
		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(1);
		Thread.sleep(1500);
		client.organizations().listProjects(ORG).collectList().block(TIMEOUT);

		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(2);
	}

	@Test
	void wrongServiceAccountSecretIsA401AndNotRetried() {
		this.sandbox = AtlasSandbox.start();
		String secret = "not-the-secret-" + System.nanoTime();
		AtlasClient client = client(
				new AtlasCredentials.ServiceAccount(this.sandbox.serviceAccount().clientId(), secret));

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.isTransient()).isFalse();
				assertThat(ex.orgId()).isEqualTo(ORG);
				assertThat(ex).hasMessageNotContaining(secret);
			});
		assertThat(this.sandbox.counters().tokenRequests()).isEqualTo(1);
		assertThat(this.sandbox.counters().creates()).isZero();
	}

	@Test
	void wrongApiKeyIsA401AfterOneAnsweredChallenge() {
		this.sandbox = AtlasSandbox.start();
		String secret = "not-the-private-key-" + System.nanoTime();
		AtlasClient client = client(new AtlasCredentials.ApiKey(this.sandbox.apiKey().publicKey(), secret));

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.errorCode()).isEqualTo("UNAUTHORIZED");
				assertThat(ex).hasMessageNotContaining(secret);
			});
		// the bare request that fetches the challenge, then the one answer to it
		assertThat(this.sandbox.counters().creates()).isEqualTo(2);
	}

	@Test
	void keepsTheDigestNonceAndIsRechallengedWhenStale() throws InterruptedException {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().nonceLifetime(Duration.ofSeconds(1)).build());
		AtlasClient client = client(this.sandbox.apiKey());

		assertThat(client.organizations().listProjects(ORG).collectList().block(TIMEOUT)).hasSize(3);
		assertThat(client.organizations().listProjects(ORG).collectList().block(TIMEOUT)).hasSize(3);
		long challengesWhileFresh = this.sandbox.counters().responses(401);
		Thread.sleep(1200);
		assertThat(client.organizations().listProjects(ORG).collectList().block(TIMEOUT)).hasSize(3);

		// one challenge for the first call; the kept nonce serves the second; stale on
		// the third
		assertThat(challengesWhileFresh).isEqualTo(1);
		assertThat(this.sandbox.counters().responses(401)).isEqualTo(2);
	}

	@ParameterizedTest(name = "envelope={0}")
	@CsvSource({ "true", "false" })
	void groupingByProjectsWithoutProjectsIsAValidationErrorAndNotRetried(boolean envelope) {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount(), "envelope", String.valueOf(envelope));
		UsageQuery noProjects = new UsageQuery(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1), List.of(), List.of(),
				List.of(), List.of("Clusters"), "projects", false);

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery(ORG, noProjects).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.errorCode()).isEqualTo("VALIDATION_ERROR");
				assertThat(ex.detail()).contains("projects");
				assertThat(ex.call()).isEqualTo(AtlasApiCall.CREATE_USAGE_QUERY);
			});
		assertThat(this.sandbox.counters().creates()).isEqualTo(1);
	}

	@Test
	void malformedOrgIdIsA400() {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount());

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery("not-an-org", BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
		assertThat(this.sandbox.counters().creates()).isEqualTo(1);
	}

	@Test
	void unknownOrgIsA404() {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount());

		assertThatExceptionOfType(AtlasApiException.class).isThrownBy(
				() -> client.costExplorer().createUsageQuery("0123456789abcdef01234567", BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.errorCode()).isEqualTo("ORG_NOT_FOUND");
			});
	}

	@ParameterizedTest(name = "envelope={0}")
	@CsvSource({ "true", "false" })
	void everyRequestOfTheClientAndEveryAnswerOfTheSandboxHoldTheSpecification(boolean envelope) {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ofMillis(200)).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "envelope", String.valueOf(envelope),
				"items-per-page", "1", "polling.initial-interval", "20ms");
		String org = SandboxData.ACME_SANDBOX;

		client.costExplorer()
			.awaitUsage(ORG, client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT))
			.block(TIMEOUT);
		List<AtlasProject> projects = client.organizations().listProjects(org).collectList().block(TIMEOUT);
		List<AtlasCluster> clusters = projects.stream()
			.flatMap((project) -> client.clusters().listClusters(org, project.id()).toStream())
			.toList();
		List<AtlasCluster> flex = projects.stream()
			.flatMap((project) -> client.clusters().listFlexClusters(org, project.id()).toStream())
			.toList();

		assertThat(clusters).extracting(AtlasCluster::name).containsExactly("playground-m0", "experiments-m10");
		assertThat(flex).extracting(AtlasCluster::name)
			.containsExactly("playground-flex", "experiments-flex-a", "experiments-flex-b");
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		ApiContract.published().assertRequestsHold(this.sandbox.exchanges(), today);
		ApiContract.published().assertAnswersHold(this.sandbox.exchanges(), today);
	}

	@Test
	void aVersionTheOperationLacksFailsAtOnceNamingOperationVersionAndProperty() {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount(), "api-versions.createCostExplorerQueryProcess",
				"2024-08-05");

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(406);
				assertThat(ex.errorCode()).isEqualTo("INVALID_VERSION_HEADER");
				assertThat(ex.getMessage()).contains(
						"createCostExplorerQueryProcess was sent API version 2024-08-05, which the operation does not have:"
								+ " set atlas.api-versions.createCostExplorerQueryProcess to a version the operation has");
			});
		assertThat(this.sandbox.counters().creates()).isEqualTo(1);
	}

	@Test
	void servicesOutsideTheSpecificationAreRefusedByIt() {
		this.sandbox = AtlasSandbox.start();
		UsageQuery aiModels = new UsageQuery(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), List.of(), List.of(),
				List.of(), List.of("AI Models"), "services", false);

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client(this.sandbox.serviceAccount()).costExplorer()
				.createUsageQuery(ORG, aiModels)
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

	@ParameterizedTest(name = "envelope={0}")
	@CsvSource({ "true", "false" })
	void unknownTokenIsA404(boolean envelope) {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount(), "envelope", String.valueOf(envelope));

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().pollUsage(ORG, "ab".repeat(32)).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.call()).isEqualTo(AtlasApiCall.POLL_USAGE);
			});
		assertThat(this.sandbox.counters().polls()).isEqualTo(1);
	}

	@Test
	void listsProjectsPageByPage() {
		this.sandbox = AtlasSandbox.start();
		AtlasClient client = client(this.sandbox.serviceAccount(), "items-per-page", "1");

		List<AtlasProject> projects = client.organizations().listProjects(ORG).collectList().block(TIMEOUT);

		assertThat(projects).containsExactlyElementsOf(this.sandbox.data()
			.organization(ORG)
			.orElseThrow()
			.projects()
			.stream()
			.map((project) -> new AtlasProject(project.id(), project.name()))
			.toList());
		assertThat(this.sandbox.counters().projectListings()).isEqualTo(3);
	}

	@Test
	void retriesServerErrorsAndHonoursRetryAfter() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().injectedFailures(503, 429).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "retry.min-backoff", "10ms");

		long started = System.nanoTime();
		String token = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);

		assertThat(token).hasSize(64);
		assertThat(this.sandbox.counters().creates()).isEqualTo(3);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void givesUpOnTransientErrorsAfterMaxAttempts() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().injectedFailures(503, 502, 500, 504).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "retry.min-backoff", "1ms", "retry.max-attempts",
				"3");

		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
		assertThat(this.sandbox.counters().creates()).isEqualTo(3);
	}

	@Test
	void awaitingFailsAfterTheDeadline() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ofMinutes(5)).build());
		AtlasClient client = client(this.sandbox.serviceAccount(), "envelope", "false", "polling.initial-interval",
				"10ms", "polling.deadline", "300ms");
		String token = client.costExplorer().createUsageQuery(ORG, BY_PROJECTS).block(TIMEOUT);

		assertThatExceptionOfType(UsageQueryTimeoutException.class)
			.isThrownBy(() -> client.costExplorer().awaitUsage(ORG, token).block(TIMEOUT))
			.withMessageContaining(ORG);
		assertThat(this.sandbox.counters().responses(102)).isGreaterThan(1);
	}

	private AtlasCredentials credentials(String auth) {
		return "api-key".equals(auth) ? this.sandbox.apiKey() : this.sandbox.serviceAccount();
	}

	private AtlasClient client(AtlasCredentials credentials, String... properties) {
		return AtlasClient.connect(new AtlasConnection(this.sandbox.baseUrl(), Optional.of(credentials)),
				TestAtlasProperties.of(properties), new AtlasMetrics(new SimpleMeterRegistry()));
	}

}
