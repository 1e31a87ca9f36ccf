package com.atlascost.reports.atlas;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An answer with the envelope taken off: the Atlas status and body, whether they came as
 * the HTTP status line and body or as {@code {"status": .., "content": ..}}.
 */
record AtlasReply(int status, JsonNode content, @Nullable Duration retryAfter, boolean unparseable) {

	/**
	 * Unwraps an envelope when the answer is one. Answers outside the API layer (a Digest
	 * challenge, a proxy error) come unwrapped even when an envelope was asked for.
	 */
	static Mono<AtlasReply> read(ClientResponse response, JsonMapper mapper) {
		@Nullable Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map((body) -> read(response.statusCode().value(), body, retryAfter, mapper));
	}

	static AtlasReply read(int httpStatus, String body, @Nullable Duration retryAfter, JsonMapper mapper) {
		JsonNode json = parse(body, mapper);
		if (json == null) {
			// a body cut short, or an HTML error page from a proxy: for an error the
			// status says enough, a success without its body is retried by the client
			return new AtlasReply(httpStatus, MissingNode.getInstance(), retryAfter, true);
		}
		if (httpStatus == 200 && json.path("status").isIntegralNumber() && json.has("content")) {
			return new AtlasReply(json.get("status").intValue(), json.get("content"), retryAfter, false);
		}
		return new AtlasReply(httpStatus, json, retryAfter, false);
	}

	private static @Nullable JsonNode parse(@Nullable String body, JsonMapper mapper) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads Atlas's error body field by field rather than binding it, so that an
	 * OAuth-style body ({@code "error": "invalid_client"}) or a proxy's page still gives
	 * an exception.
	 */
	AtlasApiException toException(@Nullable String orgId, AtlasApiCall call) {
		String errorCode = firstText("errorCode", "error");
		String detail = firstText("detail", "error_description");
		return new AtlasApiException(this.status, (errorCode != null) ? errorCode : "HTTP_" + this.status, detail,
				orgId, call, this.retryAfter);
	}

	private @Nullable String firstText(String... fields) {
		for (String field : fields) {
			JsonNode value = this.content.path(field);
			if (value.isString()) {
				return value.stringValue();
			}
		}
		return null;
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			// an HTTP date: rare for Atlas, the backoff covers it
			return null;
		}
	}

}
