package com.atlascost.reports.atlas;

import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An answer with the envelope taken off: the Atlas status and body, whether they came as
 * the HTTP status line and body or as {@code {"status": .., "content": ..}}.
 */
record AtlasReply(int status, JsonNode content, Duration retryAfter) {

	/**
	 * Unwraps an envelope when the answer is one. Answers outside the API layer (a Digest
	 * challenge, a proxy error) come unwrapped even when an envelope was asked for.
	 */
	static AtlasReply read(int httpStatus, String body, Duration retryAfter, JsonMapper mapper) {
		JsonNode json = parse(body, mapper);
		if (httpStatus == 200 && json.path("status").isIntegralNumber() && json.has("content")) {
			return new AtlasReply(json.get("status").intValue(), json.get("content"), retryAfter);
		}
		return new AtlasReply(httpStatus, json, retryAfter);
	}

	private static JsonNode parse(String body, JsonMapper mapper) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return mapper.readTree(body);
		}
		catch (JacksonException ex) {
			// an HTML error page from a proxy: the status says enough
			return MissingNode.getInstance();
		}
	}

	boolean isError() {
		return this.status >= 400;
	}

	AtlasApiException toException(String orgId, AtlasApiCall call, JsonMapper mapper) {
		AtlasErrorBody error = this.content.isObject() ? mapper.treeToValue(this.content, AtlasErrorBody.class)
				: new AtlasErrorBody(null, null, null, null);
		String errorCode = (error.errorCode() != null) ? error.errorCode() : "HTTP_" + this.status;
		return new AtlasApiException(this.status, errorCode, error.detail(), orgId, call, this.retryAfter);
	}

}
