package com.atlascost.reports.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import com.atlascost.reports.atlas.AtlasJson;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API call of the sandbox passes, in this order: authentication (401 with a
 * Digest challenge), the version in {@code Accept} (406 {@code INVALID_VERSION_DATE}),
 * the org id in the path (400 when malformed, 404 {@code ORG_NOT_FOUND} when unknown),
 * for creates and polls the organization's bucket (429 {@code RATE_LIMITED}), any
 * injected failure, a random fault of {@link SandboxSettings.Faults} (see
 * {@link SandboxFaults}), then the call's own checks in its endpoint
 * ({@link CostExplorerEndpoint}, {@link ListingEndpoints}). Answers go on the wire here,
 * raw or in the envelope {@code envelope=true} asks for.
 */
class SandboxApi {

	static final List<String> VERSIONS = List.of("2023-01-01", "2023-11-15", "2024-05-30", "2024-08-05", "2025-02-19");

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json");

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxAuthority authority;

	private final SandboxCounters counters;

	private final SandboxFaults faults;

	private final JsonMapper mapper = AtlasJson.mapper()
		.rebuild()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	SandboxApi(SandboxSettings settings, SandboxData data, SandboxAuthority authority, SandboxCounters counters,
			SandboxFaults faults) {
		this.settings = settings;
		this.data = data;
		this.authority = authority;
		this.counters = counters;
		this.faults = faults;
	}

	Publisher<Void> notFound(HttpServerRequest request, HttpServerResponse response) {
		return write(request, response, SandboxAnswer.notFound("RESOURCE_NOT_FOUND",
				"No resource at " + request.method() + " " + request.path() + "."));
	}

	/** Runs the checks of every call, then, when they pass, the endpoint's handler. */
	Mono<Void> call(HttpServerRequest request, HttpServerResponse response, Scope scope,
			Function<SandboxCall, SandboxAnswer> handler) {
		String orgId = orgOf(request, scope);
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			if (orgId != null) {
				this.counters.requestStarted(orgId);
			}
			Mono<Void> answered = answer(request, response, scope, orgId, body, handler);
			return (orgId != null) ? answered.doFinally((signal) -> this.counters.requestEnded(orgId)) : answered;
		});
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, Scope scope,
			@Nullable String orgId, String body, Function<SandboxCall, SandboxAnswer> handler) {
		Optional<SandboxAnswer> refused = this.authority.authenticate(request.method().name(), request.uri(),
				request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
		if (refused.isPresent()) {
			return write(request, response, refused.get());
		}
		String version = version(request.requestHeaders().get(HttpHeaderNames.ACCEPT));
		if (version == null) {
			return write(request, response, SandboxAnswer.error(406, "INVALID_VERSION_DATE", "Not Acceptable",
					"Accept must be application/vnd.atlas.<version>+json with a version of " + VERSIONS + "."));
		}
		Optional<SandboxAnswer> unknown = checkPath(request, scope, orgId);
		if (unknown.isPresent()) {
			return write(request, response, unknown.get());
		}
		if (scope == Scope.BILLING) {
			Optional<SandboxAnswer> limited = this.faults.rateLimit(orgId);
			if (limited.isPresent()) {
				return write(request, response, limited.get());
			}
		}
		Optional<SandboxAnswer> injected = this.faults.injected();
		if (injected.isPresent()) {
			return write(request, response, injected.get());
		}
		SandboxFault fault = this.faults.draw(orgId);
		switch (fault) {
			case SERVER_ERROR:
				return write(request, response, SandboxAnswer.error(500, "UNEXPECTED_ERROR", "Internal Server Error",
						"An injected server error."));
			case UNAVAILABLE:
				return write(request, response,
						SandboxAnswer.error(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "An injected outage."));
			case DROPPED:
				return response.withConnection((connection) -> connection.channel().close()).then();
			default:
				break;
		}
		// only a cluster listing has no organization in its path, and it does not use one
		SandboxAnswer answer = handler
			.apply(new SandboxCall(Objects.requireNonNullElse(orgId, ""), body, version, fault));
		if (fault == SandboxFault.SLOW) {
			return Mono.delay(this.settings.faults().slowDelay()).then(write(request, response, answer, false));
		}
		return write(request, response, answer, fault == SandboxFault.TRUNCATED);
	}

	private Optional<SandboxAnswer> checkPath(HttpServerRequest request, Scope scope, @Nullable String orgId) {
		if (scope == Scope.PROJECT) {
			String groupId = request.param("groupId");
			if (groupId == null || !UsageQueryValidator.ID.matcher(groupId).matches()) {
				return Optional.of(SandboxAnswer.badRequest("Invalid group id " + groupId + "."));
			}
			return (orgId == null)
					? Optional.of(SandboxAnswer.notFound("GROUP_NOT_FOUND", "No group with ID " + groupId + " exists."))
					: Optional.empty();
		}
		String pathOrg = request.param("orgId");
		if (pathOrg == null || !UsageQueryValidator.ID.matcher(pathOrg).matches()) {
			return Optional.of(SandboxAnswer.badRequest("Invalid organization id " + pathOrg + "."));
		}
		if (this.data.organization(pathOrg).isEmpty()) {
			return Optional
				.of(SandboxAnswer.notFound("ORG_NOT_FOUND", "No organization with ID " + pathOrg + " exists."));
		}
		return Optional.empty();
	}

	private @Nullable String orgOf(HttpServerRequest request, Scope scope) {
		if (scope == Scope.PROJECT) {
			String groupId = request.param("groupId");
			return this.data.organizations()
				.stream()
				.filter((org) -> org.projects().stream().anyMatch((project) -> project.id().equals(groupId)))
				.map(SandboxData.Organization::id)
				.findFirst()
				.orElse(null);
		}
		String orgId = request.param("orgId");
		return (orgId != null && this.data.organization(orgId).isPresent()) ? orgId : null;
	}

	Mono<Void> write(HttpServerRequest request, HttpServerResponse response, SandboxAnswer answer) {
		return write(request, response, answer, false);
	}

	private Mono<Void> write(HttpServerRequest request, HttpServerResponse response, SandboxAnswer answer,
			boolean truncated) {
		this.counters.answered(answer.status());
		answer.headers().forEach(response::header);
		if (answer.apiLayer() && envelopeRequested(request)) {
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("status", answer.status());
			envelope.put("content", (answer.body() != null) ? answer.body() : Map.of());
			return send(response.status(200), envelope, truncated);
		}
		if (answer.status() == 102) {
			// Reactor Netty's server treats a 1xx as interim and would keep waiting for a
			// final
			// response of this request, never reading the next one: close after it.
			return response.keepAlive(false).status(102).send();
		}
		return (answer.body() != null) ? send(response.status(answer.status()), answer.body(), truncated)
				: response.status(answer.status()).send();
	}

	/** Sends the JSON; a truncated answer is a complete HTTP message of half the JSON. */
	private Mono<Void> send(HttpServerResponse response, Object body, boolean truncated) {
		String json = this.mapper.writeValueAsString(body);
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(truncated ? json.substring(0, json.length() / 2) : json))
			.then();
	}

	private static boolean envelopeRequested(HttpServerRequest request) {
		return new QueryStringDecoder(request.uri()).parameters().getOrDefault("envelope", List.of()).contains("true");
	}

	private static @Nullable String version(@Nullable String accept) {
		if (accept == null) {
			return null;
		}
		Matcher matcher = MEDIA_TYPE.matcher(accept);
		while (matcher.find()) {
			if (VERSIONS.contains(matcher.group(1))) {
				return matcher.group(1);
			}
		}
		return null;
	}

	/** What a call's path names: the bucket and the faults follow its organization. */
	enum Scope {

		/** Cost Explorer create and poll: in the organization's rate-limit bucket. */
		BILLING,

		/** Other calls under {@code /orgs/{orgId}}. */
		ORGANIZATION,

		/** Calls under {@code /groups/{groupId}}: the project's organization. */
		PROJECT

	}

}
