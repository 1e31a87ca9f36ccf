package com.atlascost.reports.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A cluster of a project, as {@code GET /api/atlas/v2/groups/{groupId}/clusters} lists
 * it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasCluster(String id, String name, String groupId) {
}
