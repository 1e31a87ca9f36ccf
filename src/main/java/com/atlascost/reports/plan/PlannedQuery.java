package com.atlascost.reports.plan;

import java.util.List;

/**
 * One unit of work before its filters are resolved against the API: an organization, a
 * grouping and a month window.
 *
 * @param organization the organization and the job file's filters
 * @param grouping the grouped dimension
 * @param window the month
 * @param includePartialMatches whether rows matching only part of a filter count
 * @param role what the answer is for: a breakdown of the job file's groupings, the
 * organization's complete bill of the month, or both
 * @param linkedOrganizations the organizations the organization pays for whose usage the
 * query covers too (its {@code organizations} filter), sorted by id; empty for an
 * organization that pays only for itself
 */
public record PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
		boolean includePartialMatches, Role role, List<String> linkedOrganizations) {

	public PlannedQuery {
		linkedOrganizations = List.copyOf(linkedOrganizations);
	}

	/** A query of an organization that pays only for itself. */
	public PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
			boolean includePartialMatches, Role role) {
		this(organization, grouping, window, includePartialMatches, role, List.of());
	}

	/** A breakdown of the job file's groupings, not the bill. */
	public PlannedQuery(OrganizationScope organization, Grouping grouping, MonthWindow window,
			boolean includePartialMatches) {
		this(organization, grouping, window, includePartialMatches, Role.BREAKDOWN);
	}

	/**
	 * The organization's complete bill of one month: an {@code organizations}-grouped
	 * query filtered by the organization's own id (and those of the linked organizations
	 * it pays for) only, so that org-level charges (Support, Premium Features) and
	 * credits are in it.
	 */
	public static PlannedQuery billOf(OrganizationScope organization, MonthWindow window) {
		return new PlannedQuery(organization, Grouping.ORGANIZATIONS, window, false, Role.BILL);
	}

	/** The same query, covering the linked organizations too. */
	public PlannedQuery withLinkedOrganizations(List<String> linked) {
		return new PlannedQuery(this.organization, this.grouping, this.window, this.includePartialMatches, this.role,
				linked);
	}

	/** Whether the answer is the organization's complete bill of the month. */
	public boolean bill() {
		return this.role != Role.BREAKDOWN;
	}

	/** Whether the answer belongs on the sheet of one of the job file's groupings. */
	public boolean breakdown() {
		return this.role != Role.BILL;
	}

	/**
	 * Whether the query asks for its grouping and nothing else: no project, cluster or
	 * service filter of the job file applies to it.
	 */
	boolean unfiltered() {
		return this.role != Role.BREAKDOWN
				|| (this.grouping == Grouping.ORGANIZATIONS && this.organization.projects().filterValues().isEmpty()
						&& this.organization.clusters().filterValues().isEmpty()
						&& this.organization.services().filterValues().isEmpty());
	}

	/** What a query's answer is for. */
	public enum Role {

		/** A breakdown of one of the job file's groupings. */
		BREAKDOWN,

		/** The organization's complete bill only. */
		BILL,

		/** The job file's unfiltered organizations grouping, which is the bill. */
		BREAKDOWN_AND_BILL

	}

}
