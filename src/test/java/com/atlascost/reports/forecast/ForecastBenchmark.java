package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.atlascost.reports.sandbox.SandboxData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's backtest: every past month of the sandbox's organizations (24 months)
 * and of 40 generated series (36 months of daily usage with trend, yearly seasonality,
 * weekends, a fee billed on the 1st, a step change and noise) is forecast from what was
 * known on days 3, 10, 20 and 27, after 12 months of history. Prints, per day, the mean
 * absolute percentage error of the method and of two naive baselines (last month's bill;
 * the pure run rate, month to date × days in month / day) and the band's coverage of the
 * complete bill and its widest width. Asserts the targets: the method beats both
 * baselines at every day, the band holds the bill at least 80 % of the time and is never
 * wider than 60 % of the forecast. Its name keeps it out of the default test run:
 *
 * <pre>
 * ./mvnw -B test -Dtest=ForecastBenchmark
 * </pre>
 */
@Tag("benchmark")
class ForecastBenchmark {

	private static final int[] DAYS = { 3, 10, 20, 27 };

	private static final int HISTORY = 12;

	private static final MathContext MATH = MathContext.DECIMAL64;

	private final BlendedRunRate method = new BlendedRunRate();

	@Test
	void theMethodBeatsBothBaselinesAtEveryDayAndItsBandHoldsTheBill() {
		Map<String, List<Series>> sources = new LinkedHashMap<>();
		sources.put("sandbox", sandbox());
		sources.put("generated", generated(40, 36));
		List<Series> all = new ArrayList<>();
		sources.values().forEach(all::addAll);
		sources.put("all", all);
		Map<String, Map<Integer, Score>> scores = new LinkedHashMap<>();
		sources.forEach((name, series) -> scores.put(name, score(series)));
		System.out.println();
		System.out.println("Forecast backtest (" + BlendedRunRate.NAME + "): " + all.size()
				+ " series, each month after the first " + HISTORY + " forecast on days 3, 10, 20, 27");
		System.out.println(String.format(Locale.ROOT, "%-10s %4s %7s %12s %12s %12s %10s %10s", "source", "day",
				"months", "MAPE method", "last month", "run rate", "coverage", "max width"));
		scores.forEach((name,
				byDay) -> byDay.forEach((day,
						score) -> System.out.println(String.format(Locale.ROOT,
								"%-10s %4d %7d %11.2f%% %11.2f%% %11.2f%% %9.1f%% %9.1f%%", name, day, score.count,
								score.mape(score.method), score.mape(score.lastMonth), score.mape(score.runRate),
								100.0 * score.covered / score.count, 100 * score.maxWidth))));
		for (Score score : scores.get("all").values()) {
			assertThat(score.method).isLessThan(score.lastMonth).isLessThan(score.runRate);
			assertThat((double) score.covered / score.count).isGreaterThanOrEqualTo(0.8);
			assertThat(score.maxWidth).isLessThanOrEqualTo(0.6);
		}
	}

	private Map<Integer, Score> score(List<Series> series) {
		Map<Integer, Score> byDay = new TreeMap<>();
		for (int day : DAYS) {
			Score score = new Score();
			for (Series one : series) {
				List<YearMonth> months = new ArrayList<>(one.bills.keySet());
				for (YearMonth month : months.subList(HISTORY, months.size())) {
					BigDecimal bill = one.bills.get(month);
					BigDecimal toDate = one.snapshots.get(month).get(day);
					MonthEndForecast forecast = this.method.forecast("x", one.history(), month, day, toDate);
					BigDecimal runRate = toDate.multiply(BigDecimal.valueOf(month.lengthOfMonth()))
						.divide(BigDecimal.valueOf(day), MATH);
					score.add(bill, forecast, one.bills.get(month.minusMonths(1)), runRate);
				}
			}
			byDay.put(day, score);
		}
		return byDay;
	}

	/**
	 * The sandbox's organizations, billed pro rata up to each day as the sandbox bills.
	 */
	private static List<Series> sandbox() {
		YearMonth last = YearMonth.of(2026, 11);
		List<Series> series = new ArrayList<>();
		for (SandboxData.Organization org : new SandboxData(Clock.systemUTC()).organizations()) {
			Series one = new Series();
			for (YearMonth month = last.minusMonths(23); !month.isAfter(last); month = month.plusMonths(1)) {
				NavigableMap<Integer, BigDecimal> byDay = new TreeMap<>();
				for (int day = 1; day <= month.lengthOfMonth(); day++) {
					byDay.put(day, sandboxBill(org.id(), month, month.atDay(day)));
				}
				one.snapshots.put(month, byDay);
				one.bills.put(month, sandboxBill(org.id(), month, month.plusMonths(1).atDay(1)));
			}
			series.add(one);
		}
		return series;
	}

	private static BigDecimal sandboxBill(String orgId, YearMonth month, LocalDate today) {
		SandboxData data = new SandboxData(Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		return data.lineItems(orgId, month)
			.stream()
			.map(SandboxData.LineItem::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * Daily usage with a yearly season, a monthly trend, cheaper weekends, a fee billed
	 * on the 1st, one step change (up or down, from a random day) and daily noise.
	 */
	private static List<Series> generated(int count, int months) {
		Random random = new Random(20261202L);
		List<Series> series = new ArrayList<>();
		YearMonth first = YearMonth.of(2023, 12);
		for (int s = 0; s < count; s++) {
			double level = 50 + random.nextDouble() * 450;
			double trend = -0.02 + random.nextDouble() * 0.08;
			double season = random.nextDouble() * 0.25;
			double phase = random.nextDouble() * 2 * Math.PI;
			double weekend = 0.5 + random.nextDouble() * 0.5;
			double fee = random.nextDouble() * 0.3;
			double noise = 0.03 + random.nextDouble() * 0.1;
			boolean stepped = random.nextDouble() < 0.7;
			LocalDate step = first.plusMonths(HISTORY + 1 + random.nextInt(months - HISTORY - 1))
				.atDay(1 + random.nextInt(28));
			double stepFactor = (random.nextBoolean()) ? 1.2 + random.nextDouble() * 0.5
					: 0.6 + random.nextDouble() * 0.3;
			Series one = new Series();
			for (int m = 0; m < months; m++) {
				YearMonth month = first.plusMonths(m);
				double monthLevel = level * Math.pow(1 + trend, m)
						* (1 + season * Math.sin(2 * Math.PI * m / 12 + phase));
				NavigableMap<Integer, BigDecimal> byDay = new TreeMap<>();
				BigDecimal toDate = BigDecimal.ZERO;
				for (int day = 1; day <= month.lengthOfMonth(); day++) {
					LocalDate date = month.atDay(day);
					double amount = monthLevel * (1 + noise * random.nextGaussian());
					if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
						amount *= weekend;
					}
					if (stepped && !date.isBefore(step)) {
						amount *= stepFactor;
					}
					if (day == 1) {
						amount += fee * monthLevel * 30;
					}
					toDate = toDate.add(BigDecimal.valueOf(Math.max(0, amount)).setScale(2, RoundingMode.HALF_UP));
					byDay.put(day, toDate);
				}
				one.snapshots.put(month, byDay);
				one.bills.put(month, toDate);
			}
			series.add(one);
		}
		return series;
	}

	private static final class Series {

		private final NavigableMap<YearMonth, BigDecimal> bills = new TreeMap<>();

		private final Map<YearMonth, NavigableMap<Integer, BigDecimal>> snapshots = new TreeMap<>();

		BillHistory history() {
			return new BillHistory(this.bills, this.snapshots);
		}

	}

	private static final class Score {

		private int count;

		private double method;

		private double lastMonth;

		private double runRate;

		private int covered;

		private double maxWidth;

		void add(BigDecimal bill, MonthEndForecast forecast, BigDecimal last, BigDecimal runRate) {
			this.count++;
			this.method += error(forecast.forecast(), bill);
			this.lastMonth += error(last, bill);
			this.runRate += error(runRate, bill);
			if (forecast.low().compareTo(bill) <= 0 && bill.compareTo(forecast.high()) <= 0) {
				this.covered++;
			}
			this.maxWidth = Math.max(this.maxWidth,
					forecast.high().subtract(forecast.low()).divide(forecast.forecast(), MATH).doubleValue());
		}

		private static double error(BigDecimal estimate, BigDecimal bill) {
			return estimate.subtract(bill).abs().divide(bill, MATH).doubleValue();
		}

		double mape(double sum) {
			return 100 * sum / this.count;
		}

	}

}
