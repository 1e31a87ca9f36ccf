package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.sandbox.SandboxData;

/**
 * A token endpoint in trouble: its status must survive Spring Security's token client.
 */
class TokenEndpointFailureTests {

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private DisposableServer server;

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void anOutageIsRetriedAndReportedWithItsStatus() {
		startTokenEndpointAnswering(503, "{\"error\":503,\"errorCode\":\"SERVICE_UNAVAILABLE\",\"detail\":\"down\"}");

		assertThatExceptionOfType(AtlasApiException.class).isThrownBy(this::listProjects).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(503);
			assertThat(ex.call()).isEqualTo(AtlasApiCall.ISSUE_TOKEN);
			assertThat(ex.orgId()).isEqualTo(SandboxData.ACME_PRODUCTION);
		});
		assertThat(this.tokenRequests).hasValue(3);
	}

	@Test
	void anOAuthStyleRefusalIsReadAndNotRetried() {
		startTokenEndpointAnswering(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client\"}");

		assertThatExceptionOfType(AtlasApiException.class).isThrownBy(this::listProjects).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(401);
			assertThat(ex.errorCode()).isEqualTo("invalid_client");
			assertThat(ex.detail()).isEqualTo("Bad client");
			assertThat(ex).hasMessageNotContaining("the-secret");
		});
		assertThat(this.tokenRequests).hasValue(1);
	}

	private void startTokenEndpointAnswering(int status, String body) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.tokenRequests.incrementAndGet();
			return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(body));
		}).bindNow();
	}

	private void listProjects() {
		AtlasClient
			.connect(
					new AtlasConnection("http://127.0.0.1:" + this.server.port(),
							Optional.of(new AtlasCredentials.ServiceAccount("id", "the-secret"))),
					TestAtlasProperties.of("retry.max-attempts", "3", "retry.min-backoff", "1ms"),
					new AtlasMetrics(new SimpleMeterRegistry()))
			.organizations()
			.listProjects(SandboxData.ACME_PRODUCTION)
			.blockLast(Duration.ofSeconds(10));
	}

}
