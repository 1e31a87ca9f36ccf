package com.atlascost.reports.plan;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One calendar month as the API wants it: {@code start} inclusive, {@code end} exclusive,
 * both first-of-month.
 */
public record MonthWindow(LocalDate start, LocalDate end) {

	public MonthWindow {
		if (start.getDayOfMonth() != 1 || end.getDayOfMonth() != 1 || !end.isAfter(start)) {
			throw new IllegalArgumentException("not a first-of-month window: [" + start + ", " + end + ")");
		}
	}

	public static MonthWindow of(YearMonth month) {
		return new MonthWindow(month.atDay(1), month.plusMonths(1).atDay(1));
	}

	public YearMonth month() {
		return YearMonth.from(this.start);
	}

}
