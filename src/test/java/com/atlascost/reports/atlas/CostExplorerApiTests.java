package com.atlascost.reports.atlas;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cost Explorer's polling schedule. */
class CostExplorerApiTests {

	@Test
	void pollingStartsAtOnceAndBacksOffByTheMultiplierToTheCap() {
		AtlasProperties.Polling polling = TestAtlasProperties
			.of("polling.initial-interval", "100ms", "polling.multiplier", "2", "polling.max-interval", "500ms")
			.polling();
		assertThat(List.of(0L, 1L, 2L, 3L, 10L))
			.extracting((index) -> CostExplorerApi.pollInterval(index, polling).toMillis())
			.containsExactly(100L, 200L, 400L, 500L, 500L);
		assertThat(TestAtlasProperties.of().polling().multiplier()).isEqualTo(1.5);
	}

}
