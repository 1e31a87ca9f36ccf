package com.atlascost.reports.plan;

import java.nio.file.Path;
import java.util.List;

/** A validated job file. */
public record JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
		boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets, Delivery delivery) {

	public JobDefinition {
		groupings = List.copyOf(groupings);
		organizations = List.copyOf(organizations);
		budgets = List.copyOf(budgets);
	}

	/** A job that delivers nothing. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations, List<Budget> budgets) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, budgets, Delivery.none());
	}

	/** A job without budgets. */
	public JobDefinition(Path source, String name, int lookbackMonths, List<Grouping> groupings,
			boolean includePartialMatches, List<OrganizationScope> organizations) {
		this(source, name, lookbackMonths, groupings, includePartialMatches, organizations, List.of());
	}

}
