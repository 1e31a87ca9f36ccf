package com.atlascost.reports.usage;

/** Where one query stands; see the {@code cost_query} migration. */
public enum QueryState {

	PLANNED, CREATED, DONE, FAILED

}
