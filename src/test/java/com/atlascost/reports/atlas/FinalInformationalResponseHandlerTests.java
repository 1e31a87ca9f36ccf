package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.sandbox.SandboxData;

/**
 * A server that answers a final 102 and keeps the connection open, the way Reactor
 * Netty's own server does unless told otherwise: without the handler, the request after a
 * 102 goes out on that pooled connection, which the server no longer reads, and waits for
 * the read timeout.
 */
class FinalInformationalResponseHandlerTests {

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private final AtomicInteger polls = new AtomicInteger();

	private DisposableServer server;

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void theRequestAfterARaw102GetsAFreshConnection() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			if (this.polls.incrementAndGet() % 2 == 1) {
				// a 102 with a body too: Netty's decoder would take the body for the next
				// response
				return response.status(HttpResponseStatus.PROCESSING).sendString(Mono.just("{\"detail\":\"wait\"}"));
			}
			return response.status(200).sendString(Mono.just("{\"usageDetails\":[]}"));
		}).bindNow();
		AtlasClient client = AtlasClient.connect(
				new AtlasConnection("http://127.0.0.1:" + this.server.port(), Optional.empty()),
				TestAtlasProperties.of("envelope", "false", "timeouts.read", "3s", "retry.max-attempts", "1"),
				new AtlasMetrics(new SimpleMeterRegistry()));

		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			assertThat(client.costExplorer().pollUsage(ORG, "ab".repeat(32)).block(Duration.ofSeconds(10)))
				.isInstanceOf(UsagePoll.Processing.class);
			assertThat(client.costExplorer().pollUsage(ORG, "ab".repeat(32)).block(Duration.ofSeconds(10)))
				.isEqualTo(new UsagePoll.Ready(List.of()));
		}

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

}
