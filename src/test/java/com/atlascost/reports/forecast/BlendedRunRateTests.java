package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlendedRunRateTests {

	private static final YearMonth OPEN = YearMonth.of(2026, 11);

	private final BlendedRunRate method = new BlendedRunRate();

	@Test
	void withoutHistoryTheMonthToDateRunsOnLinearly() {
		MonthEndForecast forecast = this.method.forecast("org", BillHistory.empty(), OPEN, 10,
				new BigDecimal("1000.00"));
		assertThat(forecast.forecast()).isEqualByComparingTo("3000.00");
		assertThat(forecast.method()).isEqualTo(BlendedRunRate.NAME);
		assertThat(forecast.day()).isEqualTo(10);
		assertThat(forecast.low()).isLessThan(forecast.forecast());
		assertThat(forecast.high()).isGreaterThan(forecast.forecast());
		assertWithinLimit(forecast);
	}

	@Test
	void withBillsButNoSnapshotsTheRestOfTheMonthBlendsPaceAndLastMonthEqually() {
		NavigableMap<YearMonth, BigDecimal> bills = new TreeMap<>();
		bills.put(OPEN.minusMonths(2), new BigDecimal("2000.00"));
		bills.put(OPEN.minusMonths(1), new BigDecimal("2400.00"));
		MonthEndForecast forecast = this.method.forecast("org", new BillHistory(bills, Map.of()), OPEN, 10,
				new BigDecimal("1000.00"));
		// 1000 + 2/3 x (0.5 x 3000 + 0.5 x 2400)
		assertThat(forecast.forecast()).isEqualByComparingTo("2800.00");
		assertWithinLimit(forecast);
	}

	@Test
	void anOrganizationsIntraMonthShapeIsLearnedFromItsSnapshots() {
		// a third of every bill is charged on the 1st, the rest evenly over the month
		BillHistory history = history(12, (elapsed) -> 1000 + 2000 * elapsed);
		YearMonth open = YearMonth.of(2026, 9);
		MonthEndForecast forecast = this.method.forecast("org", history, open, 10, new BigDecimal("1666.67"));
		assertThat(forecast.forecast()).isBetween(new BigDecimal("2950"), new BigDecimal("3050"));
		assertThat(forecast.low()).isLessThanOrEqualTo(new BigDecimal("3000"));
		assertThat(forecast.high()).isGreaterThanOrEqualTo(new BigDecimal("3000"));
		// the pure run rate would say 5000
		assertWithinLimit(forecast);
	}

	@Test
	void theBandIsNeverWiderThanSixtyPercentOfTheForecast() {
		NavigableMap<YearMonth, BigDecimal> bills = new TreeMap<>();
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> snapshots = new TreeMap<>();
		for (int m = 1; m <= 8; m++) {
			YearMonth month = OPEN.minusMonths(m);
			BigDecimal bill = BigDecimal.valueOf((m % 2 == 0) ? 10000 : 1000);
			bills.put(month, bill);
			NavigableMap<Integer, BigDecimal> byDay = new TreeMap<>();
			byDay.put(3, BigDecimal.valueOf((m % 2 == 0) ? 100 : 900));
			snapshots.put(month, byDay);
		}
		MonthEndForecast forecast = this.method.forecast("org", new BillHistory(bills, snapshots), OPEN, 3,
				new BigDecimal("500.00"));
		assertWithinLimit(forecast);
		assertThat(forecast.high().subtract(forecast.low())).isPositive();
	}

	@Test
	void theForecastAgainstABudget() {
		MonthEndForecast forecast = new MonthEndForecast("org", OPEN, 10, new BigDecimal("1000"),
				new BigDecimal("3000"), new BigDecimal("2700"), new BigDecimal("3300"), BlendedRunRate.NAME);
		assertThat(forecast.against(new BigDecimal("4000"))).isEqualTo(BudgetOutlook.ON_TRACK);
		assertThat(forecast.against(new BigDecimal("3300"))).isEqualTo(BudgetOutlook.ON_TRACK);
		assertThat(forecast.against(new BigDecimal("3200"))).isEqualTo(BudgetOutlook.AT_RISK);
		assertThat(forecast.against(new BigDecimal("2999.99"))).isEqualTo(BudgetOutlook.OVER);
		assertThat(new MonthEndForecast("org", OPEN, 10, new BigDecimal("1000"), new BigDecimal("900"),
				new BigDecimal("800"), new BigDecimal("950"), BlendedRunRate.NAME)
			.against(new BigDecimal("990"))).isEqualTo(BudgetOutlook.OVER);
	}

	@Test
	void aHistoryBeforeAMonthHasOnlyEarlierBillsAndSnapshots() {
		BillHistory history = history(3, (elapsed) -> 3000 * elapsed);
		BillHistory before = history.before(YearMonth.of(2026, 7));
		assertThat(before.bills()).containsOnlyKeys(YearMonth.of(2026, 6));
		assertThat(before.snapshots()).containsOnlyKeys(YearMonth.of(2026, 6));
		assertThat(before.monthToDate(YearMonth.of(2026, 6), 40)).contains(new BigDecimal("3000.00"));
		assertThat(before.monthToDate(YearMonth.of(2026, 7), 4)).isEmpty();
		assertThat(new BillHistory(new TreeMap<>(),
				Map.of(YearMonth.of(2026, 6), new TreeMap<>(Map.of(5, BigDecimal.ONE))))
			.monthToDate(YearMonth.of(2026, 6), 4)).isEmpty();
	}

	/**
	 * {@code months} months up to 2026-08, each snapshot the shape at the share of the
	 * month elapsed, the bill the shape at 1.
	 */
	private static BillHistory history(int months, DoubleUnaryOperator shape) {
		NavigableMap<YearMonth, BigDecimal> bills = new TreeMap<>();
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> snapshots = new TreeMap<>();
		for (int m = 0; m < months; m++) {
			YearMonth month = YearMonth.of(2026, 8).minusMonths(m);
			NavigableMap<Integer, BigDecimal> byDay = new TreeMap<>();
			for (int day = 1; day <= month.lengthOfMonth(); day++) {
				byDay.put(day, BigDecimal.valueOf(shape.applyAsDouble((double) day / month.lengthOfMonth()))
					.setScale(2, java.math.RoundingMode.HALF_UP));
			}
			snapshots.put(month, byDay);
			bills.put(month, BigDecimal.valueOf(shape.applyAsDouble(1)).setScale(2, java.math.RoundingMode.HALF_UP));
		}
		return new BillHistory(bills, snapshots);
	}

	private static void assertWithinLimit(MonthEndForecast forecast) {
		assertThat(forecast.high().subtract(forecast.low()))
			.isLessThanOrEqualTo(forecast.forecast().abs().multiply(new BigDecimal("0.60")));
		assertThat(forecast.low()).isLessThanOrEqualTo(forecast.forecast());
		assertThat(forecast.high()).isGreaterThanOrEqualTo(forecast.forecast());
	}

}
