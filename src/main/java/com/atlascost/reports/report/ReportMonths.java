package com.atlascost.reports.report;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.atlascost.reports.usage.StoredUsage;

/**
 * The months a report shows, chronological, and which of them are provisional.
 *
 * <p>
 * Every month of the requested range is shown even without usage, so an empty month reads
 * as zero rather than as missing. A month a row carries outside the range is shown too:
 * the totals must add up to the rows, and hiding a row would break that silently.
 */
record ReportMonths(List<YearMonth> all, SortedSet<YearMonth> provisional) {

	ReportMonths {
		all = List.copyOf(all);
		provisional = Collections.unmodifiableSortedSet(new TreeSet<>(provisional));
	}

	static ReportMonths of(ReportRequest request) {
		if (request.from().isAfter(request.to())) {
			throw new IllegalArgumentException(
					"month range " + request.from() + " to " + request.to() + " is reversed");
		}
		SortedSet<YearMonth> months = new TreeSet<>();
		for (YearMonth month = request.from(); !month.isAfter(request.to()); month = month.plusMonths(1)) {
			months.add(month);
		}
		SortedSet<YearMonth> provisional = new TreeSet<>();
		if (request.provisionalMonths() != null) {
			provisional.addAll(request.provisionalMonths());
		}
		for (StoredUsage row : request.rows()) {
			YearMonth month = monthOf(row);
			months.add(month);
			// A row stored as provisional taints its month even if the caller forgot to
			// list it.
			if (row.provisional()) {
				provisional.add(month);
			}
		}
		return new ReportMonths(List.copyOf(months), provisional);
	}

	/**
	 * The month an amount belongs to: its usage date, else the month of the query window.
	 */
	static YearMonth monthOf(StoredUsage row) {
		return (row.usageDate() != null) ? YearMonth.from(row.usageDate()) : row.window().month();
	}

	boolean isProvisional(YearMonth month) {
		return this.provisional.contains(month);
	}

	boolean isProvisional(StoredUsage row) {
		return row.provisional() || isProvisional(monthOf(row));
	}

}
