package com.atlascost.reports.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import com.atlascost.reports.atlas.AtlasJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API call of the sandbox passes, in this order: authentication (401 with a
 * Digest challenge), the version in {@code Accept}, per operation (406
 * {@code INVALID_VERSION_HEADER}, 410 {@code VERSION_GONE} past its sunset, see
 * {@link SandboxOperation}), the org id in the path (400 when malformed, 404
 * {@code ORG_NOT_FOUND} when unknown), for creates and polls the organization's bucket
 * (429 {@code RATE_LIMITED}), any injected failure, a random fault of
 * {@link SandboxSettings.Faults} (see {@link SandboxFaults}), then the call's own checks
 * in its endpoint ({@link CostExplorerEndpoint}, {@link ListingEndpoints}). Answers go on
 * the wire here, raw or in the envelope {@code envelope=true} asks for.
 */
class SandboxApi {

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxAuthority authority;

	private final SandboxCounters counters;

	private final SandboxFaults faults;

	private final SandboxJournal journal;

	/** The request bodies of the calls being answered, for the journal. */
	private final Map<HttpServerRequest, String> requestBodies = new ConcurrentHashMap<>();

	private final JsonMapper mapper = AtlasJson.mapper()
		.rebuild()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	SandboxApi(SandboxSettings settings, SandboxData data, SandboxAuthority authority, SandboxCounters counters,
			SandboxFaults faults, SandboxJournal journal) {
		this.journal = journal;
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
	Mono<Void> call(HttpServerRequest request, HttpServerResponse response, Scope scope, SandboxOperation operation,
			Function<SandboxCall, SandboxAnswer> handler) {
		String orgId = orgOf(request, scope);
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			this.requestBodies.put(request, body);
			if (orgId != null) {
				this.counters.requestStarted(orgId);
			}
			Mono<Void> answered = answer(request, response, scope, operation, orgId, body, handler);
			return (orgId != null) ? answered.doFinally((signal) -> this.counters.requestEnded(orgId)) : answered;
		});
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, Scope scope,
			SandboxOperation operation, @Nullable String orgId, String body,
			Function<SandboxCall, SandboxAnswer> handler) {
		Optional<SandboxAnswer> refused = this.authority.authenticate(request.method().name(), request.uri(),
				request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
		if (refused.isPresent()) {
			return write(request, response, refused.get());
		}
		SandboxOperation.Checked checked = operation.check(request.requestHeaders().get(HttpHeaderNames.ACCEPT),
				LocalDate.now(this.settings.clock()));
		if (checked.refused().isPresent()) {
			return write(request, response, checked.refused().get());
		}
		String version = Objects.requireNonNull(checked.version(), "a version not refused is taken");
		Optional<SandboxAnswer> unknown = checkPath(request, scope, orgId);
		if (unknown.isPresent()) {
			return write(request, response, unknown.get());
		}
		Map<String, String> limitHeaders = Map.of();
		if (scope == Scope.BILLING) {
			SandboxFaults.Limited limited = this.faults.rateLimit(orgId);
			if (limited.refusal() != null) {
				return write(request, response, limited.refusal());
			}
			limitHeaders = limited.headers();
		}
		Optional<SandboxAnswer> injected = this.faults.injected(operation);
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
				record(request, 0, Map.of(), null, "dropped");
				return response.withConnection((connection) -> connection.channel().close()).then();
			default:
				break;
		}
		// only a cluster listing has no organization in its path, and it does not use one
		SandboxAnswer answer = handler
			.apply(new SandboxCall(Objects.requireNonNullElse(orgId, ""), body, version, fault))
			.withHeaders(limitHeaders);
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
			return this.data.organizationOfProject(groupId).map(SandboxData.Organization::id).orElse(null);
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
			if (answer.body() instanceof Map<?, ?> list && list.containsKey("results")) {
				// the specification: a list keeps results as its envelope and adds status
				list.forEach((key, value) -> envelope.put(String.valueOf(key), value));
			}
			else {
				envelope.put("content", (answer.body() != null) ? answer.body() : Map.of());
			}
			return send(request, response.status(200), 200, answer.headers(), envelope, truncated);
		}
		if (answer.status() == 102) {
			record(request, 102, answer.headers(), null, null);
			// Reactor Netty's server takes a 1xx as interim and would wait for a final
			// response of this request, never reading the next one: close after it.
			return response.keepAlive(false).status(102).send();
		}
		if (answer.body() == null) {
			record(request, answer.status(), answer.headers(), null, null);
			return response.status(answer.status()).send();
		}
		return send(request, response.status(answer.status()), answer.status(), answer.headers(), answer.body(),
				truncated);
	}

	/** Sends the JSON; a truncated answer is a complete HTTP message of half the JSON. */
	private Mono<Void> send(HttpServerRequest request, HttpServerResponse response, int status,
			Map<String, String> headers, Object body, boolean truncated) {
		String json = this.mapper.writeValueAsString(body);
		String sent = truncated ? json.substring(0, json.length() / 2) : json;
		record(request, status, headers, sent, truncated ? "truncated" : null);
		Duration drip = this.settings.faults().dripInterval();
		if (drip != null) {
			// a server (or a proxy) that never lets a read time out: one byte at a time
			byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length))
				.sendByteArray(Flux.interval(Duration.ZERO, drip)
					.take(bytes.length)
					.map((index) -> new byte[] { bytes[index.intValue()] }))
				.then();
		}
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(sent)).then();
	}

	/** Keeps the exchange in the journal, without the Authorization header: no secret. */
	private void record(HttpServerRequest request, int status, Map<String, String> headers, @Nullable String body,
			@Nullable String fault) {
		Map<String, String> requestHeaders = new LinkedHashMap<>();
		for (String name : List.of("accept", "content-type")) {
			String value = request.requestHeaders().get(name);
			if (value != null) {
				requestHeaders.put(name, value);
			}
		}
		String requestBody = Objects.requireNonNullElse(this.requestBodies.remove(request), "");
		this.journal.record(new SandboxExchange(request.method().name(), request.uri(), requestHeaders, requestBody,
				status, headers, body, fault));
	}

	private static boolean envelopeRequested(HttpServerRequest request) {
		return new QueryStringDecoder(request.uri()).parameters().getOrDefault("envelope", List.of()).contains("true");
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
