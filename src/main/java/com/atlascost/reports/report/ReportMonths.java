package com.atlascost.reports.report;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

	/**
	 * The months of a request whose rows were already read: those of its range, those
	 * rows carry, and provisional the ones the request or a row stored as provisional
	 * names (a row stored as provisional taints its month even if the caller forgot to
	 * list it).
	 */
	static ReportMonths of(ReportRequest request, Set<YearMonth> rowMonths, Set<YearMonth> provisionalRowMonths) {
		ReportRequest.Scope scope = request.scope();
		if (scope.from().isAfter(scope.to())) {
			throw new IllegalArgumentException("month range " + scope.from() + " to " + scope.to() + " is reversed");
		}
		SortedSet<YearMonth> months = new TreeSet<>(rowMonths);
		for (YearMonth month = scope.from(); !month.isAfter(scope.to()); month = month.plusMonths(1)) {
			months.add(month);
		}
		SortedSet<YearMonth> provisional = new TreeSet<>(provisionalRowMonths);
		provisional.addAll(scope.provisionalMonths());
		return new ReportMonths(List.copyOf(months), provisional);
	}

	/**
	 * The latest month that is settled and follows a month of the report, the one the
	 * largest movers compare; empty when there is none.
	 */
	Optional<YearMonth> latestCompleteMonth() {
		for (int i = this.all.size() - 1; i > 0; i--) {
			YearMonth month = this.all.get(i);
			if (!isProvisional(month) && this.all.get(i - 1).equals(month.minusMonths(1))) {
				return Optional.of(month);
			}
		}
		return Optional.empty();
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

}
