package com.atlascost.reports.atlas;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An answer with the envelope taken off: the Atlas status and body, whether they came as
 * the HTTP status line and body or as {@code {"status": .., "content": ..}}; a body that
 * is no JSON comes as {@code badBody}, with where it broke.
 */
record AtlasReply(int status, JsonNode content, @Nullable Duration retryAfter, @Nullable BadBody badBody) {

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
		if (body == null || body.isBlank()) {
			return new AtlasReply(httpStatus, MissingNode.getInstance(), retryAfter, null);
		}
		JsonNode json;
		try {
			json = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			// a body cut short, or no JSON at all (a proxy's HTML page, a bare NaN):
			// for an error the status says enough, a success fails as a bad answer
			return new AtlasReply(httpStatus, MissingNode.getInstance(), retryAfter, BadBody.of(ex));
		}
		if (httpStatus == 200 && json.path("status").isIntegralNumber() && json.has("content")) {
			return new AtlasReply(json.get("status").intValue(), json.get("content"), retryAfter, null);
		}
		return new AtlasReply(httpStatus, json, retryAfter, null);
	}

	/** Whether the body was no JSON. */
	boolean unparseable() {
		return this.badBody != null;
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

	/**
	 * A body that is no JSON, and where: {@code cut} when it ends before its JSON does (a
	 * complete message of half an answer), otherwise it is malformed (a bare {@code NaN},
	 * a proxy's HTML page).
	 *
	 * @param cut whether the JSON ran out rather than went wrong
	 * @param detail what Jackson found and where: field, line, column and offset
	 */
	record BadBody(boolean cut, String detail) {

		static BadBody of(JacksonException ex) {
			boolean cut = ex instanceof UnexpectedEndOfInputException;
			StringBuilder detail = new StringBuilder(
					cut ? "the answer ends before its JSON does (cut short?)" : "the answer is not JSON");
			String field = field(ex);
			if (field != null) {
				detail.append(", in field ").append(AtlasText.quoted(field));
			}
			TokenStreamLocation location = ex.getLocation();
			if (location != null) {
				detail.append(" at line ")
					.append(location.getLineNr())
					.append(", column ")
					.append(location.getColumnNr());
				long offset = (location.getByteOffset() >= 0) ? location.getByteOffset() : location.getCharOffset();
				if (offset >= 0) {
					detail.append(" (offset ").append(offset).append(')');
				}
			}
			detail.append(": ").append(AtlasText.quoted(ex.getOriginalMessage()));
			return new BadBody(cut, detail.toString());
		}

		AtlasApiException toException(int status, String orgId, AtlasApiCall call) {
			return new AtlasApiException(status,
					this.cut ? AtlasApiException.UNPARSEABLE_BODY : AtlasApiException.MALFORMED_BODY, this.detail,
					orgId, call, null);
		}

		private static @Nullable String field(JacksonException ex) {
			try {
				return (ex instanceof StreamReadException read && read.processor() != null)
						? read.processor().currentName() : null;
			}
			catch (RuntimeException unknown) {
				// the parser is closed or lost its place: the position still says where
				return null;
			}
		}

	}

}
