package com.atlascost.reports.atlas;

import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;

/**
 * The clusters of a project: dedicated ones (the specification's {@code Clusters} tag)
 * and Flex ones ({@code Flex Clusters}), each listed by its own operation.
 */
public final class ClustersApi {

	private static final String CLUSTERS_PATH = "/api/atlas/v2/groups/{groupId}/clusters";

	private static final String FLEX_CLUSTERS_PATH = "/api/atlas/v2/groups/{groupId}/flexClusters";

	private final AtlasPipeline pipeline;

	ClustersApi(AtlasPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Every dedicated cluster of a project of the organization, reading page after page:
	 * Flex clusters are listed by {@link #listFlexClusters} only.
	 */
	public Flux<AtlasCluster> listClusters(String orgId, String projectId) {
		return this.pipeline.listAll(AtlasApiCall.LIST_CLUSTERS, orgId, AtlasCluster.class, UnaryOperator.identity(),
				CLUSTERS_PATH, projectId);
	}

	/** Every Flex cluster of a project of the organization, reading page after page. */
	public Flux<AtlasCluster> listFlexClusters(String orgId, String projectId) {
		return this.pipeline.listAll(AtlasApiCall.LIST_FLEX_CLUSTERS, orgId, AtlasCluster.class,
				UnaryOperator.identity(), FLEX_CLUSTERS_PATH, projectId);
	}

}
