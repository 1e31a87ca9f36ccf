package com.atlascost.reports.usage;

import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/**
 * A query a run needs, as the plan hands it to {@link QueryStore#registerAll}.
 *
 * @param organizationLabel the organization's label in the job file
 * @param grouping what the usage is grouped by
 * @param window the month
 * @param filter the filter Atlas is asked with (its organization first)
 * @param bill whether it is the organization's complete bill of the month
 */
public record QueryRegistration(String organizationLabel, Grouping grouping, MonthWindow window, UsageQuery filter,
		boolean bill) {

}
