package com.atlascost.reports.usage;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/**
 * What a stored query answers, whatever its filters: an organization's grouping of one
 * month, or its bill. The reporting views keep the latest stored query of each
 * ({@code latest_cost_query}, {@code latest_bill_query}); a report rebuilt from the
 * database does the same.
 *
 * @param grouping the grouping ({@code ORGANIZATIONS} for a bill)
 * @param window the month
 * @param bill whether it is the organization's complete bill of the month
 */
public record LatestQuery(Grouping grouping, MonthWindow window, boolean bill) {

	/** The organization's complete bill of the month. */
	public static LatestQuery billOf(MonthWindow window) {
		return new LatestQuery(Grouping.ORGANIZATIONS, window, true);
	}

}
