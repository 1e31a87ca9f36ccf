package com.atlascost.reports.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlascost.reports.atlas.AtlasCostExplorerClient;
import com.atlascost.reports.atlas.AtlasProject;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.CostExplorerServices;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.IdSelection;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.plan.PlannedQuery;

/**
 * Turns a planned query into the filter body the API takes. The filters of the job file
 * apply to every grouping; the grouped dimension, when the job file does not list its
 * values, gets them here, for that grouping alone (the API wants at least one): projects
 * are discovered once per organization, services are the documented list. Lists are
 * sorted so that the same filter always has the same stored identity.
 */
class FilterResolver {

	private final AtlasCostExplorerClient client;

	private final Map<String, List<String>> discoveredProjects = new ConcurrentHashMap<>();

	FilterResolver(AtlasCostExplorerClient client) {
		this.client = client;
	}

	UsageQuery resolve(PlannedQuery query) {
		OrganizationScope org = query.organization();
		Grouping grouping = query.grouping();
		List<String> projects = org.projects().filterValues();
		if (grouping == Grouping.PROJECTS && org.projects().kind() != IdSelection.Kind.LISTED) {
			projects = this.discoveredProjects.computeIfAbsent(org.id(), this::discoverProjects);
		}
		List<String> services = org.services().filterValues();
		if (grouping == Grouping.SERVICES && org.services().kind() != IdSelection.Kind.LISTED) {
			services = CostExplorerServices.ALL;
		}
		return new UsageQuery(query.window().start(), query.window().end(), List.of(org.id()), sorted(projects),
				sorted(org.clusters().filterValues()), sorted(services), grouping.apiName(),
				query.includePartialMatches());
	}

	private List<String> discoverProjects(String orgId) {
		List<String> ids = this.client.listProjects(orgId).map(AtlasProject::id).collectList().block();
		if (ids == null || ids.isEmpty()) {
			throw new IllegalStateException("organization " + orgId
					+ " has no projects to group by: list project ids in the job file or drop the 'projects' grouping");
		}
		return ids;
	}

	private static List<String> sorted(List<String> values) {
		return values.stream().sorted().distinct().toList();
	}

}
