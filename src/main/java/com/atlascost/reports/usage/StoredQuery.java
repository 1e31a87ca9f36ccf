package com.atlascost.reports.usage;

import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/**
 * A query as the database holds it; {@code token} is set once the API has accepted it.
 */
record StoredQuery(long id, String organizationId, String organizationLabel, Grouping grouping, MonthWindow window,
		UsageQuery filter, QueryState state, String token) {
}
