package com.atlascost.reports.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import com.atlascost.reports.atlas.AtlasErrorBody;
import org.jspecify.annotations.Nullable;

/**
 * What the sandbox answers, before it is put on the wire (raw or in an envelope).
 *
 * @param status the Atlas status
 * @param body the JSON body, {@code null} for none
 * @param headers extra headers
 * @param apiLayer whether the answer comes from the API (and so may be enveloped); the
 * authentication layer answers plain HTTP, as a Digest challenge needs a real 401
 */
record SandboxAnswer(int status, @Nullable Object body, Map<String, String> headers, boolean apiLayer) {

	static SandboxAnswer ok(int status, @Nullable Object body) {
		return new SandboxAnswer(status, body, Map.of(), true);
	}

	static SandboxAnswer error(int status, String errorCode, String reason, String detail) {
		return new SandboxAnswer(status, new AtlasErrorBody(status, errorCode, reason, detail), Map.of(), true);
	}

	static SandboxAnswer badRequest(String detail) {
		return error(400, "VALIDATION_ERROR", "Bad Request", detail);
	}

	static SandboxAnswer notFound(String errorCode, String detail) {
		return error(404, errorCode, "Not Found", detail);
	}

	SandboxAnswer withHeader(String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new SandboxAnswer(this.status, this.body, Map.copyOf(all), this.apiLayer);
	}

	SandboxAnswer withHeaders(Map<String, String> more) {
		if (more.isEmpty()) {
			return this;
		}
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.putAll(more);
		return new SandboxAnswer(this.status, this.body, Map.copyOf(all), this.apiLayer);
	}

	SandboxAnswer outsideApi() {
		return new SandboxAnswer(this.status, this.body, this.headers, false);
	}

}
