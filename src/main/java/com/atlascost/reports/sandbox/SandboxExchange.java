package com.atlascost.reports.sandbox;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request the sandbox received and the answer it gave, as on the wire: what a test
 * holds against the published specification.
 *
 * @param method the HTTP method
 * @param uri path and query
 * @param requestHeaders the request's headers (names lower case)
 * @param requestBody the request's body, empty for none
 * @param status the HTTP status sent, {@code 0} when the connection was dropped
 * @param responseHeaders the answer's extra headers
 * @param responseBody the answer's body, {@code null} for none
 * @param fault the fault injected into this answer (a cut body, a dropped connection), if
 * any: such answers break the specification on purpose
 */
public record SandboxExchange(String method, String uri, Map<String, String> requestHeaders, String requestBody,
		int status, Map<String, String> responseHeaders, @Nullable String responseBody, @Nullable String fault) {

	public SandboxExchange {
		requestHeaders = Map.copyOf(requestHeaders);
		responseHeaders = Map.copyOf(responseHeaders);
	}

	public @Nullable String requestHeader(String name) {
		return this.requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
	}

}
