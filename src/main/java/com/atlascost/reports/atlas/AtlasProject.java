package com.atlascost.reports.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** A project ("group" in Atlas terms) of an organization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasProject(String id, @Nullable String name) {

	/** The name as shown in logs and reports: no control or bidirectional character. */
	public AtlasProject {
		name = (name != null) ? AtlasText.clean(name) : null;
	}

}
