package com.atlascost.reports.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.atlascost.reports.atlas.AtlasCluster;
import com.atlascost.reports.atlas.AtlasProject;
import com.atlascost.reports.atlas.ClustersApi;
import com.atlascost.reports.atlas.OrganizationsApi;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.CostExplorerServices;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.IdSelection;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.plan.PlannedQuery;

/**
 * Turns a planned query into the filter body the API takes. The filters of the job file
 * apply to every grouping; the grouped dimension, when the job file does not list its
 * values ({@code all} or left out), gets them here, for that grouping alone (the API
 * wants at least one): projects are discovered through {@code GET /orgs/{orgId}/groups},
 * clusters through {@code GET /groups/{groupId}/clusters} and {@code GET
 * /groups/{groupId}/flexClusters} of the listed or discovered projects, services are the
 * documented list. The queries of a paying organization name its linked organizations too
 * ({@code organizations}: the payer first, on the payer's path), and discover their
 * projects and clusters as well. Each organization is discovered once per run, and the
 * names found are stored to label report rows that come without them. Lists are sorted so
 * that the same filter always has the same stored identity.
 */
public class FilterDiscovery {

	private final OrganizationsApi organizationsApi;

	private final ClustersApi clustersApi;

	private final DiscoveredNames names;

	private final Map<String, Map<String, String>> projects = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> clusters = new LinkedHashMap<>();

	public FilterDiscovery(OrganizationsApi organizationsApi, ClustersApi clustersApi, DiscoveredNames names) {
		this.organizationsApi = organizationsApi;
		this.clustersApi = clustersApi;
		this.names = names;
	}

	public UsageQuery filterOf(PlannedQuery query) {
		OrganizationScope org = query.organization();
		List<String> organizations = new ArrayList<>();
		organizations.add(org.id());
		organizations.addAll(sorted(query.linkedOrganizations()));
		if (query.bill() && query.grouping() == Grouping.ORGANIZATIONS) {
			// the complete bill: the org's own id (and its linked orgs') and nothing else
			return new UsageQuery(query.window().start(), query.window().end(), organizations, List.of(), List.of(),
					List.of(), Grouping.ORGANIZATIONS.apiName(), query.includePartialMatches());
		}
		Grouping grouping = query.grouping();
		List<String> projectIds = org.projects().filterValues();
		if (grouping == Grouping.PROJECTS && org.projects().kind() != IdSelection.Kind.LISTED) {
			projectIds = discovered(organizations, "projects", (id) -> projects(id).keySet());
		}
		List<String> clusterIds = org.clusters().filterValues();
		if (grouping == Grouping.CLUSTERS && org.clusters().kind() != IdSelection.Kind.LISTED) {
			clusterIds = discovered(organizations, "clusters",
					(id) -> clusters(id, id.equals(org.id()) ? org.projects() : IdSelection.all()).keySet());
		}
		List<String> services = org.services().filterValues();
		if (grouping == Grouping.SERVICES && org.services().kind() != IdSelection.Kind.LISTED) {
			services = CostExplorerServices.ALL;
		}
		return new UsageQuery(query.window().start(), query.window().end(), organizations, sorted(projectIds),
				sorted(clusterIds), sorted(services), grouping.apiName(), query.includePartialMatches());
	}

	/**
	 * The ids discovery lists for each of the query's organizations (the linked ones too,
	 * so that their usage is broken down as well), which must not all be empty.
	 */
	private static List<String> discovered(List<String> organizations, String what,
			Function<String, Collection<String>> discover) {
		List<String> ids = new ArrayList<>();
		organizations.forEach((orgId) -> ids.addAll(discover.apply(orgId)));
		if (ids.isEmpty()) {
			throw new IllegalStateException(
					"organization " + organizations.get(0) + " has no " + what + " to group by: list "
							+ what.replaceFirst("s$", "") + " ids in the job file or drop the '" + what + "' grouping");
		}
		return ids;
	}

	private Map<String, String> projects(String orgId) {
		return this.projects.computeIfAbsent(orgId, (id) -> {
			Map<String, String> names = names(
					this.organizationsApi.listProjects(id).collectList().blockOptional().orElse(List.of()),
					AtlasProject::id, AtlasProject::name);
			this.names.remember(id, "PROJECT", names);
			return names;
		});
	}

	/** The clusters of the projects the job file lists, or of every project. */
	private Map<String, String> clusters(String orgId, IdSelection projectSelection) {
		return this.clusters.computeIfAbsent(orgId, (id) -> {
			List<String> projectIds = (projectSelection.kind() == IdSelection.Kind.LISTED) ? projectSelection.values()
					: List.copyOf(projects(id).keySet());
			Map<String, String> names = new LinkedHashMap<>();
			for (String projectId : projectIds) {
				// dedicated and Flex clusters are listed apart; serverless instances by
				// neither (see the README)
				names.putAll(names(
						this.clustersApi.listClusters(id, projectId).collectList().blockOptional().orElse(List.of()),
						AtlasCluster::id, AtlasCluster::name));
				names.putAll(names(this.clustersApi.listFlexClusters(id, projectId)
					.collectList()
					.blockOptional()
					.orElse(List.of()), AtlasCluster::id, AtlasCluster::name));
			}
			this.names.remember(id, "CLUSTER", names);
			return names;
		});
	}

	private static <T> Map<String, String> names(List<T> items, Function<T, String> id, Function<T, String> name) {
		Map<String, String> names = new LinkedHashMap<>();
		for (T item : Objects.requireNonNullElse(items, List.<T>of())) {
			names.put(id.apply(item), Objects.requireNonNullElse(name.apply(item), id.apply(item)));
		}
		return names;
	}

	private static List<String> sorted(List<String> values) {
		return values.stream().sorted().distinct().toList();
	}

}
