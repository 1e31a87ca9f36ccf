package com.atlascost.reports.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Atlas's error body: {@code {"error":400,"errorCode":"VALIDATION_ERROR","reason":"Bad
 * Request","detail":".."}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasErrorBody(Integer error, String errorCode, String reason, String detail) {
}
