package com.atlascost.reports.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The typed bodies of successful answers, as Atlas names their fields. */
final class AtlasResponses {

	private AtlasResponses() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedQuery(String token) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Usage(List<UsageDetail> usageDetails) {

		List<UsageDetail> detailsOrEmpty() {
			return (this.usageDetails != null) ? this.usageDetails : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ProjectsPage(List<AtlasProject> results, Integer totalCount) {

		List<AtlasProject> resultsOrEmpty() {
			return (this.results != null) ? this.results : List.of();
		}

	}

}
