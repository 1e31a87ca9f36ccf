package com.atlascost.reports.testsupport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Which months a run fetching today stores as provisional, with the default
 * {@code usage.settlement-days}: the current month and, in the first days of a month, the
 * one before. Tests that name "now" ask here rather than assume that only the current
 * month is provisional, which is false on the 1st to the 5th.
 */
public final class Settlement {

	/** {@code usage.settlement-days}' default. */
	public static final int DEFAULT_DAYS = 5;

	private Settlement() {
	}

	public static boolean provisionalToday(YearMonth month) {
		return LocalDate.now(ZoneOffset.UTC).isBefore(month.plusMonths(1).atDay(1).plusDays(DEFAULT_DAYS));
	}

}
