package com.atlascost.reports.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The typed bodies of successful answers, as Atlas names their fields. */
final class AtlasResponses {

	private AtlasResponses() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedQuery(String token) {
	}

	/** One page of a paginated list: the items stay JSON until their type is known. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(@Nullable List<JsonNode> results, @Nullable Integer totalCount) {

		List<JsonNode> resultsOrEmpty() {
			return (this.results != null) ? this.results : List.of();
		}

	}

}
