package com.atlascost.reports.job;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRunTests {

	@Test
	void missingMonthsAreNamedInOrderWithRunsOfConsecutiveMonthsAsSpans() {
		assertThat(StoredRun.months(List.of(YearMonth.of(2026, 3), YearMonth.of(2025, 12), YearMonth.of(2026, 1),
				YearMonth.of(2026, 5), YearMonth.of(2026, 3))))
			.isEqualTo("2025-12 to 2026-01, 2026-03, 2026-05");
		assertThat(StoredRun.months(List.of(YearMonth.of(2026, 7)))).isEqualTo("2026-07");
	}

}
