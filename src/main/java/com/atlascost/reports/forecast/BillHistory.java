package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was known of one organization when its open month is forecast: the complete bills
 * of earlier months and the month-to-date snapshots taken night after night.
 *
 * @param bills each month's complete bill
 * @param snapshots each month's month-to-date amounts by day of month
 */
record BillHistory(NavigableMap<YearMonth, BigDecimal> bills,
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> snapshots) {

	BillHistory {
		bills = new TreeMap<>(bills);
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> copy = new TreeMap<>();
		snapshots.forEach((month, byDay) -> copy.put(month, new TreeMap<>(byDay)));
		snapshots = copy;
	}

	static BillHistory empty() {
		return new BillHistory(new TreeMap<>(), Map.of());
	}

	Optional<BigDecimal> bill(YearMonth month) {
		return Optional.ofNullable(this.bills.get(month));
	}

	/**
	 * The month-to-date amount known on {@code day}: the last snapshot taken on or before
	 * it, as a run that did not happen that night leaves the day before as the latest.
	 */
	Optional<BigDecimal> monthToDate(YearMonth month, int day) {
		NavigableMap<Integer, BigDecimal> byDay = this.snapshots.get(month);
		if (byDay == null) {
			return Optional.empty();
		}
		Map.Entry<Integer, BigDecimal> known = byDay.floorEntry(day);
		return (known != null) ? Optional.of(known.getValue()) : Optional.empty();
	}

	/** This history as it stood before {@code month}: its bills and snapshots only. */
	BillHistory before(YearMonth month) {
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> earlier = new TreeMap<>();
		this.snapshots.forEach((m, byDay) -> {
			if (m.isBefore(month)) {
				earlier.put(m, byDay);
			}
		});
		return new BillHistory(this.bills.headMap(month, false), earlier);
	}

}
