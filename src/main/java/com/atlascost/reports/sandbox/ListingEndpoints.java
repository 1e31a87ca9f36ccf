package com.atlascost.reports.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The listings discovery uses, paged as Atlas pages: {@code GET /orgs/{orgId}/groups},
 * {@code GET /groups/{groupId}/clusters} (dedicated clusters) and {@code GET
 * /groups/{groupId}/flexClusters} (Flex clusters).
 */
final class ListingEndpoints {

	private static final int MAX_ITEMS_PER_PAGE = 500;

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxCounters counters;

	private final SandboxApi api;

	ListingEndpoints(SandboxSettings settings, SandboxData data, SandboxCounters counters, SandboxApi api) {
		this.settings = settings;
		this.data = data;
		this.counters = counters;
		this.api = api;
	}

	Publisher<Void> projects(HttpServerRequest request, HttpServerResponse response) {
		this.counters.projectsListed();
		return this.api.call(request, response, SandboxApi.Scope.ORGANIZATION,
				SandboxOperation.LIST_ORGANIZATION_PROJECTS, (call) -> {
					SandboxData.Organization org = this.data.organization(call.orgId()).orElseThrow();
					return page(request,
							org.projects()
								.stream()
								.map((project) -> Map.<String, Object>of("id", project.id(), "name", project.name(),
										"orgId", org.id(), "clusterCount", project.clusters().size()))
								.toList());
				});
	}

	Publisher<Void> clusters(HttpServerRequest request, HttpServerResponse response) {
		this.counters.clustersListed();
		return this.api.call(request, response, SandboxApi.Scope.PROJECT, SandboxOperation.LIST_CLUSTERS, (call) -> {
			SandboxData.Project project = project(request.param("groupId")).orElseThrow();
			return page(request,
					project.dedicatedClusters()
						.stream()
						.map((cluster) -> Map.<String, Object>of("id", cluster.id(), "name", cluster.name(), "groupId",
								project.id(), "clusterType", "REPLICASET", "stateName", "IDLE"))
						.toList());
		});
	}

	/**
	 * {@code listFlexClusters}: the Flex clusters, which {@code listClusters} leaves out.
	 */
	Publisher<Void> flexClusters(HttpServerRequest request, HttpServerResponse response) {
		this.counters.clustersListed();
		return this.api.call(request, response, SandboxApi.Scope.PROJECT, SandboxOperation.LIST_FLEX_CLUSTERS,
				(call) -> {
					SandboxData.Project project = project(request.param("groupId")).orElseThrow();
					return page(request, project.flexClusters()
						.stream()
						.map((cluster) -> Map.<String, Object>of("id", cluster.id(), "name", cluster.name(), "groupId",
								project.id(), "clusterType", "REPLICASET", "stateName", "IDLE", "tags", List.of()))
						.toList());
				});
	}

	/**
	 * One page of a list, as Atlas pages: {@code pageNum} from 1, {@code itemsPerPage}.
	 */
	SandboxAnswer page(HttpServerRequest request, List<Map<String, Object>> all) {
		Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
		Integer pageNum = positiveInt(parameters, "pageNum", 1);
		Integer itemsPerPage = positiveInt(parameters, "itemsPerPage", this.settings.defaultItemsPerPage());
		if (pageNum == null || itemsPerPage == null || itemsPerPage > MAX_ITEMS_PER_PAGE) {
			return SandboxAnswer.badRequest("pageNum must be at least 1 and itemsPerPage between 1 and 500.");
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("links", List.of());
		if (this.settings.faults().endlessPaging()) {
			// full pages, and a count of one item more than the pages so far hold: an
			// endless list (a short page would end it)
			List<Map<String, Object>> results = new ArrayList<>();
			for (int i = 0; i < itemsPerPage && !all.isEmpty(); i++) {
				results.add(all.get((pageNum + i) % all.size()));
			}
			page.put("results", results);
			page.put("totalCount", pageNum * itemsPerPage + 1);
			return SandboxAnswer.ok(200, page);
		}
		page.put("results", all.stream().skip((long) (pageNum - 1) * itemsPerPage).limit(itemsPerPage).toList());
		page.put("totalCount", all.size());
		return SandboxAnswer.ok(200, page);
	}

	private Optional<SandboxData.Project> project(@Nullable String groupId) {
		return this.data.project(groupId);
	}

	private static @Nullable Integer positiveInt(Map<String, List<String>> parameters, String name, int fallback) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(values.get(0));
			return (value >= 1) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
