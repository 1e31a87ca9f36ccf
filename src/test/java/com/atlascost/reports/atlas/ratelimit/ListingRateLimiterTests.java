package com.atlascost.reports.atlas.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.atlas.AtlasClient;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.atlas.TestAtlasProperties;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;

/** The pace of the calls outside the billing bucket. */
class ListingRateLimiterTests {

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private AtlasSandbox sandbox;

	@AfterEach
	void stopSandbox() {
		if (this.sandbox != null) {
			this.sandbox.stop();
		}
	}

	@Test
	void listingsArePacedAtTheListingRate() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.defaults());
		AtlasClient client = client("rate-limit.listings-per-second", "2");
		long started = System.nanoTime();

		for (int i = 0; i < 6; i++) {
			client.organizations().listProjects(ORG).collectList().block(Duration.ofSeconds(30));
		}

		// a burst of 2, then 2 a second: the last 4 wait about 2 s
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
		assertThat(this.sandbox.counters().projectListings()).isEqualTo(6);
	}

	private AtlasClient client(String... properties) {
		return AtlasClient.connect(
				new AtlasConnection(this.sandbox.baseUrl(), Optional.of(this.sandbox.serviceAccount())),
				TestAtlasProperties.of(properties), new AtlasMetrics(new SimpleMeterRegistry()));
	}

}
