package com.atlascost.reports.plan;

/**
 * One unit of work before its filters are resolved against the API: an organization, a
 * grouping and a month window.
 */
public record PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
		boolean includePartialMatches) {
}
