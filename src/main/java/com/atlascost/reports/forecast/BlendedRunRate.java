package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The month-end forecast: the month to date plus the rest of the month at a rate blended
 * from this month's pace and last month's bill, with a band from the method's own errors
 * at the same day of earlier months. Written by hand: the series are a dozen monthly
 * points with a few dozen nightly snapshots each, too short for a forecasting library's
 * models, and the method has to be explainable to finance in three sentences.
 *
 * <p>
 * On day {@code d} of a month of {@code n} days, with {@code m} billed so far:
 * <ol>
 * <li>The <em>share</em> {@code s} of a month billed by day {@code d} is learned from the
 * organization's earlier months: {@code d/n} times the mean, over up to
 * {@value #LEARNING_MONTHS} months with a snapshot that day, of (month to date / complete
 * bill) / (their own {@code d/n}); without any, {@code d/n}. It carries the org's
 * intra-month shape (charges billed on the 1st, weekends, the usage data's lag).</li>
 * <li>The pace projection is {@code m / s}; the trailing one is last month's bill.</li>
 * <li>The forecast is {@code m + (1 - s) × (α × m/s + (1 - α) × last month)}: the month
 * to date plus the share still to come at the blended rate. {@code α} is the weight (0 to
 * 1, in steps of 0.05) that would have erred least at day {@code d} of the earlier months
 * with snapshots (at least {@value #MIN_LEARNING_MONTHS}); {@value #DEFAULT_ALPHA}
 * without them.</li>
 * <li>The band: the forecast times (1 + the smallest and largest relative error of the
 * method at day {@code d} in those months), widened by half and by a floor that shrinks
 * as the month passes; without that history, the spread of month-over-month changes
 * scaled by the share still to come. It is never wider than {@value #MAX_BAND_PERCENT}%
 * of the forecast.</li>
 * </ol>
 */
@Component
class BlendedRunRate {

	static final String NAME = "blended-run-rate-v1";

	static final int LEARNING_MONTHS = 6;

	static final int MIN_LEARNING_MONTHS = 2;

	static final String DEFAULT_ALPHA = "0.5";

	static final int MAX_BAND_PERCENT = 60;

	private static final MathContext MATH = MathContext.DECIMAL64;

	private static final BigDecimal ALPHA_STEP = new BigDecimal("0.05");

	private static final BigDecimal WIDENING = new BigDecimal("1.5");

	private static final BigDecimal FLOOR = new BigDecimal("0.02");

	private static final BigDecimal MIN_SHARE = new BigDecimal("0.01");

	MonthEndForecast forecast(String organizationId, BillHistory history, YearMonth month, int day,
			BigDecimal monthToDate) {
		int n = month.lengthOfMonth();
		int d = Math.max(1, Math.min(day, n));
		BillHistory known = history.before(month);
		BigDecimal share = share(known, month, d);
		Optional<BigDecimal> lastMonth = known.bill(month.minusMonths(1));
		List<YearMonth> learning = learningMonths(known, month, d);
		BigDecimal alpha = (learning.size() >= MIN_LEARNING_MONTHS) ? bestAlpha(known, month, learning, d)
				: new BigDecimal(DEFAULT_ALPHA);
		BigDecimal forecast = project(monthToDate, share, alpha, lastMonth);
		BigDecimal[] band = band(known, month, learning, d, alpha, share, forecast);
		return new MonthEndForecast(organizationId, month, d, monthToDate, cents(forecast), cents(band[0]),
				cents(band[1]), NAME);
	}

	/**
	 * The learned share of a month billed by day {@code d}: {@code d/n} times the mean
	 * ratio of the earlier months' actual share on that day to their own {@code d/n}
	 * (months differ in length), or {@code d/n} without snapshots.
	 */
	private static BigDecimal share(BillHistory known, YearMonth month, int d) {
		BigDecimal sum = BigDecimal.ZERO;
		int count = 0;
		for (YearMonth earlier = month.minusMonths(1); count < LEARNING_MONTHS
				&& !known.bills().headMap(earlier, true).isEmpty(); earlier = earlier.minusMonths(1)) {
			Optional<BigDecimal> bill = known.bill(earlier);
			int dayThen = dayIn(earlier, d, month);
			Optional<BigDecimal> toDate = known.monthToDate(earlier, dayThen);
			if (bill.isPresent() && bill.get().signum() > 0 && toDate.isPresent()) {
				sum = sum.add(toDate.get().divide(bill.get(), MATH).divide(linear(earlier, dayThen), MATH));
				count++;
			}
		}
		BigDecimal shape = (count > 0) ? sum.divide(BigDecimal.valueOf(count), MATH) : BigDecimal.ONE;
		return shape.multiply(linear(month, d), MATH).max(MIN_SHARE).min(BigDecimal.ONE);
	}

	private static BigDecimal linear(YearMonth month, int day) {
		return BigDecimal.valueOf(day).divide(BigDecimal.valueOf(month.lengthOfMonth()), MATH);
	}

	/**
	 * The same point of an earlier month: the same day, or its last day when shorter; the
	 * last day of the month stays the last day.
	 */
	private static int dayIn(YearMonth earlier, int d, YearMonth month) {
		return (d >= month.lengthOfMonth()) ? earlier.lengthOfMonth() : Math.min(d, earlier.lengthOfMonth());
	}

	/**
	 * The earlier months the method can be scored on at day {@code d}: a snapshot that
	 * day, a positive bill and the month before's bill.
	 */
	private static List<YearMonth> learningMonths(BillHistory known, YearMonth month, int d) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth earlier = month.minusMonths(1); months.size() < LEARNING_MONTHS
				&& !known.bills().headMap(earlier, true).isEmpty(); earlier = earlier.minusMonths(1)) {
			Optional<BigDecimal> bill = known.bill(earlier);
			if (bill.isPresent() && bill.get().signum() > 0
					&& known.monthToDate(earlier, dayIn(earlier, d, month)).isPresent()
					&& known.bill(earlier.minusMonths(1)).isPresent()) {
				months.add(earlier);
			}
		}
		return months;
	}

	private static BigDecimal bestAlpha(BillHistory known, YearMonth month, List<YearMonth> learning, int d) {
		BigDecimal best = BigDecimal.ONE;
		BigDecimal bestError = null;
		for (BigDecimal alpha = BigDecimal.ONE; alpha.signum() >= 0; alpha = alpha.subtract(ALPHA_STEP)) {
			BigDecimal error = BigDecimal.ZERO;
			for (BigDecimal relative : errors(known, month, learning, d, alpha)) {
				error = error.add(relative.abs());
			}
			// strictly smaller: on a tie the month's own pace wins
			if (bestError == null || error.compareTo(bestError) < 0) {
				best = alpha;
				bestError = error;
			}
		}
		return best;
	}

	/**
	 * The relative errors (bill / forecast - 1) the method would have made on day
	 * {@code d} of each learning month with this {@code alpha}.
	 */
	private static List<BigDecimal> errors(BillHistory known, YearMonth month, List<YearMonth> learning, int d,
			BigDecimal alpha) {
		List<BigDecimal> errors = new ArrayList<>();
		for (YearMonth earlier : learning) {
			BillHistory then = known.before(earlier);
			int dayThen = dayIn(earlier, d, month);
			BigDecimal forecast = project(known.monthToDate(earlier, dayThen).orElseThrow(),
					share(then, earlier, dayThen), alpha, then.bill(earlier.minusMonths(1)));
			if (forecast.signum() > 0) {
				errors.add(known.bill(earlier).orElseThrow().divide(forecast, MATH).subtract(BigDecimal.ONE));
			}
		}
		return errors;
	}

	private static BigDecimal project(BigDecimal monthToDate, BigDecimal share, BigDecimal alpha,
			Optional<BigDecimal> lastMonth) {
		BigDecimal pace = monthToDate.divide(share, MATH);
		if (lastMonth.isEmpty()) {
			return pace;
		}
		BigDecimal rate = alpha.multiply(pace, MATH)
			.add(BigDecimal.ONE.subtract(alpha).multiply(lastMonth.get(), MATH));
		return monthToDate.add(BigDecimal.ONE.subtract(share).multiply(rate, MATH));
	}

	private static BigDecimal[] band(BillHistory known, YearMonth month, List<YearMonth> learning, int d,
			BigDecimal alpha, BigDecimal share, BigDecimal forecast) {
		BigDecimal toCome = BigDecimal.ONE.subtract(share);
		BigDecimal floor = FLOOR.multiply(toCome, MATH).add(new BigDecimal("0.005"));
		BigDecimal down;
		BigDecimal up;
		List<BigDecimal> errors = (learning.size() >= MIN_LEARNING_MONTHS) ? errors(known, month, learning, d, alpha)
				: List.of();
		if (errors.size() >= MIN_LEARNING_MONTHS) {
			BigDecimal min = errors.stream().reduce(BigDecimal::min).orElseThrow().min(BigDecimal.ZERO);
			BigDecimal max = errors.stream().reduce(BigDecimal::max).orElseThrow().max(BigDecimal.ZERO);
			down = min.negate().multiply(WIDENING, MATH).add(floor);
			up = max.multiply(WIDENING, MATH).add(floor);
		}
		else {
			BigDecimal spread = monthOverMonthSpread(known).max(new BigDecimal("0.05"));
			down = spread.multiply(toCome, MATH).multiply(WIDENING, MATH).add(floor);
			up = down;
		}
		BigDecimal size = forecast.abs();
		BigDecimal limit = BigDecimal.valueOf(MAX_BAND_PERCENT).movePointLeft(2);
		BigDecimal width = down.add(up);
		if (width.compareTo(limit) > 0) {
			BigDecimal scale = limit.divide(width, MATH);
			down = down.multiply(scale, MATH);
			up = up.multiply(scale, MATH);
		}
		// rounded inwards, so the band in cents is never wider than the limit
		BigDecimal low = forecast.subtract(size.multiply(down, MATH)).setScale(2, RoundingMode.CEILING);
		BigDecimal high = forecast.add(size.multiply(up, MATH)).setScale(2, RoundingMode.FLOOR);
		return new BigDecimal[] { low.min(cents(forecast)), high.max(cents(forecast)) };
	}

	/** The root mean square of the month-over-month relative changes of the bills. */
	private static BigDecimal monthOverMonthSpread(BillHistory known) {
		List<BigDecimal> bills = new ArrayList<>(known.bills().descendingMap().values());
		BigDecimal sum = BigDecimal.ZERO;
		int count = 0;
		for (int i = 0; i + 1 < bills.size() && count < LEARNING_MONTHS; i++) {
			if (bills.get(i + 1).signum() > 0) {
				BigDecimal change = bills.get(i).divide(bills.get(i + 1), MATH).subtract(BigDecimal.ONE);
				sum = sum.add(change.multiply(change, MATH));
				count++;
			}
		}
		return (count > 0) ? sum.divide(BigDecimal.valueOf(count), MATH).sqrt(MATH) : new BigDecimal("0.2");
	}

	private static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
