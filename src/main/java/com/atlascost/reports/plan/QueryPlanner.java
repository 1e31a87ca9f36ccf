package com.atlascost.reports.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Expands a job over a month range into one query per organization, grouping and window,
 * and one more per organization and window for the organization's complete bill: the
 * headline every report, budget and forecast uses. The bill is asked only once: when the
 * job already groups by {@code organizations} without filters for an organization, that
 * query is the bill. The queries of a paying organization cover the linked organizations
 * it pays for too (cross-organization billing), each row carrying its own organization.
 */
@Component
public class QueryPlanner {

	public List<PlannedQuery> plan(JobDefinition job, MonthRange range) {
		return plan(job, range, Map.of());
	}

	/**
	 * The queries, those of each paying organization covering the linked organizations
	 * {@code linkedByPayer} names for it.
	 */
	public List<PlannedQuery> plan(JobDefinition job, MonthRange range, Map<String, List<String>> linkedByPayer) {
		List<PlannedQuery> queries = new ArrayList<>();
		for (OrganizationScope organization : job.organizations()) {
			List<String> linked = linkedByPayer.getOrDefault(organization.id(), List.of());
			queries.addAll(plan(job, range, organization).stream()
				.map((query) -> query.withLinkedOrganizations(linked))
				.toList());
		}
		return queries;
	}

	private List<PlannedQuery> plan(JobDefinition job, MonthRange range, OrganizationScope organization) {
		List<PlannedQuery> queries = new ArrayList<>();
		boolean billAsked = false;
		for (Grouping grouping : job.groupings()) {
			for (MonthWindow window : range.windows()) {
				PlannedQuery breakdown = new PlannedQuery(organization, grouping, window, job.includePartialMatches());
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
		return queries;
	}

}
