package com.atlascost.reports.plan;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The months of a run, both ends inclusive, as {@code --from}/{@code --to} give them. */
public record MonthRange(YearMonth from, YearMonth to) {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	/** MongoDB Atlas went into service in June 2016: no month before can have a bill. */
	public static final YearMonth FIRST_MONTH = YearMonth.of(2016, 6);

	public MonthRange {
		if (from.isAfter(to)) {
			throw new InvalidInputException("--from=" + from + " is after --to=" + to
					+ " (the current month when --to is not given): the range must run forward, both months inclusive");
		}
	}

	/**
	 * The range from the options, or else the look-back ending with the current month.
	 * Either option alone is completed from the look-back.
	 */
	public static MonthRange resolve(@Nullable YearMonth fromOption, @Nullable YearMonth toOption, int lookbackMonths,
			YearMonth currentMonth) {
		YearMonth to = (toOption != null) ? toOption : currentMonth;
		YearMonth from = (fromOption != null) ? fromOption : to.minusMonths(lookbackMonths - 1L);
		if (to.isAfter(currentMonth)) {
			throw new InvalidInputException(
					"--to=" + to + ": after the open month " + currentMonth + "; Atlas has billed nothing for it yet");
		}
		if (from.isBefore(FIRST_MONTH)) {
			throw new InvalidInputException(
					"--from=" + from + ": before " + FIRST_MONTH + ", the first month Atlas billed");
		}
		return new MonthRange(from, to);
	}

	/** A {@code YYYY-MM} option's month; the message names the option and the value. */
	public static YearMonth parse(String option, String value) {
		if (!MONTH.matcher(value).matches()) {
			throw new InvalidInputException(option + "=" + value + ": not a month; use YYYY-MM, e.g. 2026-03");
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(option + "=" + value + ": not a month; use YYYY-MM, e.g. 2026-03");
		}
	}

	/** One first-of-month window per month, in order. */
	public List<MonthWindow> windows() {
		List<MonthWindow> windows = new ArrayList<>();
		for (YearMonth month = this.from; !month.isAfter(this.to); month = month.plusMonths(1)) {
			windows.add(MonthWindow.of(month));
		}
		return windows;
	}

}
