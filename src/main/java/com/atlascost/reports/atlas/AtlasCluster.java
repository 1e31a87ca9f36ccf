package com.atlascost.reports.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A cluster of a project, from {@code GET /api/atlas/v2/groups/{groupId}/clusters}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasCluster(String id, @Nullable String name, String groupId) {

	/** The name as shown in logs and reports: no control or bidirectional character. */
	public AtlasCluster {
		name = (name != null) ? AtlasText.clean(name) : null;
	}

}
