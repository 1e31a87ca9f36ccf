package com.atlascost.reports.plan;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MonthRangeTests {

	private static final YearMonth NOW = YearMonth.of(2026, 11);

	@Test
	void singleMonthIsOneWindowEndingOnTheFirstOfTheNextMonth() {
		MonthRange range = MonthRange.resolve(option("--from", "2026-03"), option("--to", "2026-03"), 6, NOW);
		assertThat(range.windows())
			.containsExactly(new MonthWindow(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
	}

	@Test
	void decemberToJanuaryCrossesTheYear() {
		MonthRange range = MonthRange.resolve(option("--from", "2025-12"), option("--to", "2026-01"), 6, NOW);
		assertThat(range.windows()).containsExactly(
				new MonthWindow(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1)),
				new MonthWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
	}

	@Test
	void leapYearFebruaryIsStillAFirstOfMonthWindow() {
		MonthRange range = MonthRange.resolve(option("--from", "2024-02"), option("--to", "2024-02"), 6, NOW);
		MonthWindow february = range.windows().get(0);
		assertThat(february).isEqualTo(new MonthWindow(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)));
		assertThat(february.start().lengthOfMonth()).isEqualTo(29);
	}

	@Test
	void aYearAndMoreIsOneWindowPerMonthInOrderWithoutGaps() {
		MonthRange range = MonthRange.resolve(option("--from", "2024-11"), option("--to", "2026-01"), 6, NOW);
		assertThat(range.windows()).hasSize(15);
		assertThat(range.windows().get(0).start()).isEqualTo(LocalDate.of(2024, 11, 1));
		assertThat(range.windows().get(14).end()).isEqualTo(LocalDate.of(2026, 2, 1));
		for (int i = 1; i < range.windows().size(); i++) {
			assertThat(range.windows().get(i).start()).isEqualTo(range.windows().get(i - 1).end());
		}
	}

	@Test
	void withoutOptionsTheLookBackEndsWithTheCurrentMonth() {
		MonthRange range = MonthRange.resolve(null, null, 3, NOW);
		assertThat(range).isEqualTo(new MonthRange(YearMonth.of(2026, 9), YearMonth.of(2026, 11)));
	}

	@Test
	void toAloneIsCompletedFromTheLookBack() {
		MonthRange range = MonthRange.resolve(null, option("--to", "2026-02"), 3, NOW);
		assertThat(range).isEqualTo(new MonthRange(YearMonth.of(2025, 12), YearMonth.of(2026, 2)));
	}

	@Test
	void fromAfterToIsInvalidInput() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> MonthRange.resolve(option("--from", "2026-05"), option("--to", "2026-04"), 6, NOW))
			.withMessageContaining("--from=2026-05 is after --to=2026-04");
	}

	@Test
	void malformedMonthsAreInvalidInputNamingTheOption() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> MonthRange.resolve(option("--from", "2026-13"), option("--to", "2026-12"), 6, NOW))
			.withMessageStartingWith("--from=2026-13: not a month");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> MonthRange.resolve(option("--from", "2026-01"), option("--to", "26-3"), 6, NOW))
			.withMessageStartingWith("--to=26-3: not a month");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> MonthRange.resolve(option("--from", "2026-01-01"), null, 6, NOW))
			.withMessageStartingWith("--from=2026-01-01: not a month");
	}

	private static @Nullable YearMonth option(String name, @Nullable String value) {
		return (value != null) ? MonthRange.parse(name, value) : null;
	}

}
