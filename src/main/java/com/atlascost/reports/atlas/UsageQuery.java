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
		organizations = List.copyOf(organizations);
		projects = List.copyOf(projects);
		clusters = List.copyOf(clusters);
		services = List.copyOf(services);
	}

}
