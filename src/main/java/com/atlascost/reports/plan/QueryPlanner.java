package com.atlascost.reports.plan;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Expands a job over a month range into one query per organization, grouping and window,
 * and one more per organization and window for the organization's complete bill: the
 * headline every report, budget and forecast uses. The bill is asked only once: when the
 * job already groups by {@code organizations} without filters for an organization, that
 * query is the bill.
 */
@Component
public class QueryPlanner {

	public List<PlannedQuery> plan(JobDefinition job, MonthRange range) {
		List<PlannedQuery> queries = new ArrayList<>();
		for (OrganizationScope organization : job.organizations()) {
			boolean billAsked = false;
			for (Grouping grouping : job.groupings()) {
				for (MonthWindow window : range.windows()) {
					PlannedQuery breakdown = new PlannedQuery(organization, grouping, window,
							job.includePartialMatches());
					billAsked |= breakdown.unfiltered();
					queries.add(breakdown.unfiltered() ? new PlannedQuery(organization, grouping, window,
							job.includePartialMatches(), PlannedQuery.Role.BREAKDOWN_AND_BILL) : breakdown);
				}
			}
			if (!billAsked) {
				for (MonthWindow window : range.windows()) {
					queries.add(PlannedQuery.billOf(organization, window));
				}
			}
		}
		return queries;
	}

}
