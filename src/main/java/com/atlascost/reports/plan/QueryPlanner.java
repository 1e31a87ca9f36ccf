package com.atlascost.reports.plan;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Expands a job over a month range into one query per organization, grouping and window.
 */
@Component
public class QueryPlanner {

	public List<PlannedQuery> plan(JobDefinition job, MonthRange range) {
		List<PlannedQuery> queries = new ArrayList<>();
		for (OrganizationScope organization : job.organizations()) {
			for (Grouping grouping : job.groupings()) {
				for (MonthWindow window : range.windows()) {
					queries.add(new PlannedQuery(organization, grouping, window, job.includePartialMatches()));
				}
			}
		}
		return queries;
	}

}
