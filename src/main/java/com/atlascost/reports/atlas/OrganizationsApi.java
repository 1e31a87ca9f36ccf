package com.atlascost.reports.atlas;

import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;

/**
 * The projects of an organization (the specification's {@code Organizations} tag).
 */
public final class OrganizationsApi {

	private static final String PROJECTS_PATH = "/api/atlas/v2/orgs/{orgId}/groups";

	private final AtlasPipeline pipeline;

	OrganizationsApi(AtlasPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/** Every project of the organization, reading page after page. */
	public Flux<AtlasProject> listProjects(String orgId) {
		return this.pipeline.listAll(AtlasApiCall.LIST_PROJECTS, orgId, AtlasProject.class, UnaryOperator.identity(),
				PROJECTS_PATH, orgId);
	}

}
