package com.atlascost.reports.atlas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AtlasMetricsTests {

	@Test
	void usageQueryRetriesAreTheCreatesAndPollsOfAllRetries() {
		AtlasMetrics metrics = new AtlasMetrics(new SimpleMeterRegistry());
		metrics.retried(AtlasApiCall.POLL_USAGE);
		metrics.retried(AtlasApiCall.POLL_USAGE);
		metrics.retried(AtlasApiCall.CREATE_USAGE_QUERY);
		metrics.retried(AtlasApiCall.LIST_PROJECTS);
		metrics.retried(AtlasApiCall.GET_INVOICE);

		assertThat(metrics.usageQueryRetries()).isEqualTo(3);
		assertThat(metrics.retries()).isEqualTo(5);
	}

}
