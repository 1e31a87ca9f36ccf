package com.atlascost.reports.plan;

/**
 * One unit of work before its filters are resolved against the API: an organization, a
 * grouping and a month window.
 *
 * @param organization the organization and the job file's filters
 * @param grouping the grouped dimension
 * @param window the month
 * @param includePartialMatches whether rows matching only part of a filter count
 * @param bill whether the answer is the organization's complete bill of the month: an
 * {@code organizations}-grouped query filtered by the organization's own id only, so that
 * org-level charges (Support, Premium Features) and credits are in it
 */
public record PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
		boolean includePartialMatches, boolean bill) {

	/** A breakdown of the job file's groupings, not the bill. */
	public PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
			boolean includePartialMatches) {
		this(organization, grouping, window, includePartialMatches, false);
	}

	/** The organization's complete bill of one month. */
	public static PlannedQuery billOf(OrganizationScope organization, MonthWindow window) {
		return new PlannedQuery(organization, Grouping.ORGANIZATIONS, window, false, true);
	}

	/**
	 * Whether the query asks for the grouping and nothing else: no project, cluster or
	 * service filter of the job file applies to it.
	 */
	public boolean unfiltered() {
		return this.bill
				|| (this.grouping == Grouping.ORGANIZATIONS && this.organization.projects().filterValues().isEmpty()
						&& this.organization.clusters().filterValues().isEmpty()
						&& this.organization.services().filterValues().isEmpty());
	}

}
