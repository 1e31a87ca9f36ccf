package com.atlascost.reports.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A project ("group" in Atlas terms) of an organization. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasProject(String id, String name) {
}
