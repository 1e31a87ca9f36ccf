package com.atlascost.reports.plan;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated job file; {@code tags} are the tag keys of the Tags sheet, {@code delivery}
 * where the report and alerts go, {@code accounting} its fiscal year and budget basis.
 */
public record JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
		boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets, TagKeys tags,
		Delivery delivery, Accounting accounting) {

	public JobDefinition {
		groupings = List.copyOf(groupings);
		organizations = List.copyOf(organizations);
		budgets = List.copyOf(budgets);
	}

	/** A job with calendar years and budgets against the bill. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets, TagKeys tags,
			Delivery delivery) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, budgets, tags, delivery,
				Accounting.defaults());
	}

	/** A job that delivers nothing. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets, TagKeys tags) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, budgets, tags,
				Delivery.none());
	}

	/** A job without budgets. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, List.of());
	}

	/** A job without tags. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, budgets, TagKeys.none());
	}

}
