package com.atlascost.reports.atlas;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Cost Explorer filter body of a create call. Empty filter lists are left out of the
 * JSON, as the API treats an absent filter as "no filter".
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UsageQuery(LocalDate startDate, LocalDate endDate, List<String> organizations, List<String> projects,
		List<String> clusters, List<String> services, String groupBy, boolean includePartialMatches) {

	public UsageQuery {
		organizations = copyOf(organizations);
		projects = copyOf(projects);
		clusters = copyOf(clusters);
		services = copyOf(services);
	}

	/** An absent list (left out of the JSON when empty) reads back as empty. */
	private static List<String> copyOf(List<String> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

}
