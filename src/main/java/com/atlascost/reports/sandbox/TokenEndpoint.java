package com.atlascost.reports.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code POST /api/oauth/token}: a service account's client credentials for a bearer
 * token. It is outside the API: no version, no envelope.
 */
final class TokenEndpoint {

	private final SandboxSettings settings;

	private final SandboxAuthority authority;

	private final SandboxCounters counters;

	private final SandboxApi api;

	TokenEndpoint(SandboxSettings settings, SandboxAuthority authority, SandboxCounters counters, SandboxApi api) {
		this.settings = settings;
		this.authority = authority;
		this.counters = counters;
		this.api = api;
	}

	Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.counters.tokenRequested();
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((form) -> {
			if (!new QueryStringDecoder(form, false).parameters()
				.getOrDefault("grant_type", List.of())
				.contains("client_credentials")) {
				return this.api.write(request, response,
						SandboxAnswer.badRequest("grant_type must be client_credentials.").outsideApi());
			}
			Optional<String> token = this.authority
				.issueToken(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
			SandboxAnswer answer = token
				.map((value) -> new SandboxAnswer(200,
						Map.of("access_token", value, "token_type", "Bearer", "expires_in",
								this.settings.tokenLifetime().toSeconds()),
						Map.of(), false))
				.orElseGet(
						() -> SandboxAnswer.error(401, "INVALID_CLIENT", "Unauthorized", "Invalid client credentials.")
							.outsideApi());
			return this.api.write(request, response, answer);
		});
	}

}
