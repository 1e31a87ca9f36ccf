package com.atlascost.reports.usage;

import java.util.List;

import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/** One query registered the way a run registers its plan, for tests about one query. */
final class QueryStoreFixture {

	private QueryStoreFixture() {
	}

	static long register(QueryStore store, String organizationLabel, Grouping grouping, MonthWindow window,
			UsageQuery filter, boolean refresh) {
		return store
			.registerAll(List.of(new QueryRegistration(organizationLabel, grouping, window, filter, false)), refresh)
			.get(0);
	}

}
