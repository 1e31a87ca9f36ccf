package com.atlascost.reports.sandbox;

import java.util.Objects;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;

import com.atlascost.reports.atlas.AtlasJson;
import com.atlascost.reports.atlas.UsageQuery;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's endpoints. Every API call passes, in this order: authentication (401 with
 * a Digest challenge), the version in {@code Accept} (406 {@code INVALID_VERSION_DATE}),
 * any injected failure, the org id in the path (400 when malformed, 404
 * {@code ORG_NOT_FOUND} when unknown), then the call's own checks.
 */
class SandboxApi {

	static final List<String> VERSIONS = List.of("2023-01-01", "2023-11-15", "2024-05-30", "2024-08-05", "2025-02-19");

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json");

	private static final Pattern TOKEN = Pattern.compile("^[a-f0-9]{64}$");

	private static final int MAX_ITEMS_PER_PAGE = 500;

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxAuthority authority;

	private final SandboxCounters counters;

	private final UsageQueryValidator validator = new UsageQueryValidator();

	private final Map<String, PendingQuery> queries = new ConcurrentHashMap<>();

	private final Queue<Integer> injectedFailures;

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper mapper = AtlasJson.mapper()
		.rebuild()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	SandboxApi(SandboxSettings settings, SandboxData data, SandboxAuthority authority, SandboxCounters counters) {
		this.settings = settings;
		this.data = data;
		this.authority = authority;
		this.counters = counters;
		this.injectedFailures = new ConcurrentLinkedQueue<>(settings.injectedFailures());
	}

	Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.counters.tokenRequested();
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((form) -> {
			if (!new QueryStringDecoder(form, false).parameters()
				.getOrDefault("grant_type", List.of())
				.contains("client_credentials")) {
				return write(request, response,
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
			return write(request, response, answer);
		});
	}

	Publisher<Void> create(HttpServerRequest request, HttpServerResponse response) {
		this.counters.created();
		return api(request, response, (call) -> {
			JsonNode body;
			try {
				body = this.mapper.readTree(call.body());
			}
			catch (JacksonException ex) {
				return SandboxAnswer.badRequest("The request body is not valid JSON.");
			}
			UsageQueryValidator.Result result = this.validator.validate(body, call.version());
			if (result.error() != null) {
				return SandboxAnswer.badRequest(result.error());
			}
			UsageQuery query = Objects.requireNonNull(result.query(), "a result without error has a query");
			for (String linked : query.organizations()) {
				if (this.data.organization(linked).isEmpty()) {
					return SandboxAnswer
						.badRequest("Organization " + linked + " is not linked to " + call.orgId() + ".");
				}
			}
			String token = newToken();
			this.queries.put(token, new PendingQuery(call.orgId(), result.query(),
					System.nanoTime() + this.settings.processingDelay().toNanos()));
			return SandboxAnswer.ok(202, Map.of("token", token));
		});
	}

	Publisher<Void> poll(HttpServerRequest request, HttpServerResponse response) {
		this.counters.polled();
		return api(request, response, (call) -> {
			String token = request.param("token");
			PendingQuery query = (token != null && TOKEN.matcher(token).matches()) ? this.queries.get(token) : null;
			if (query == null || !query.orgId().equals(call.orgId())) {
				return SandboxAnswer.notFound("TOKEN_NOT_FOUND", "No usage query with token " + token + ".");
			}
			if (System.nanoTime() < query.readyAtNanos()) {
				return SandboxAnswer.ok(102, null);
			}
			return SandboxAnswer.ok(200, Map.of("usageDetails", this.data.usageFor(query.orgId(), query.query())));
		});
	}

	Publisher<Void> projects(HttpServerRequest request, HttpServerResponse response) {
		this.counters.projectsListed();
		return api(request, response, (call) -> {
			Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
			Integer pageNum = positiveInt(parameters, "pageNum", 1);
			Integer itemsPerPage = positiveInt(parameters, "itemsPerPage", this.settings.defaultItemsPerPage());
			if (pageNum == null || itemsPerPage == null || itemsPerPage > MAX_ITEMS_PER_PAGE) {
				return SandboxAnswer.badRequest("pageNum must be at least 1 and itemsPerPage between 1 and 500.");
			}
			SandboxData.Organization org = this.data.organization(call.orgId()).orElseThrow();
			List<Map<String, Object>> results = org.projects()
				.stream()
				.skip((long) (pageNum - 1) * itemsPerPage)
				.limit(itemsPerPage)
				.map((project) -> Map.<String, Object>of("id", project.id(), "name", project.name(), "orgId", org.id(),
						"clusterCount", project.clusters().size()))
				.toList();
			Map<String, Object> page = new LinkedHashMap<>();
			page.put("links", List.of());
			page.put("results", results);
			page.put("totalCount", org.projects().size());
			return SandboxAnswer.ok(200, page);
		});
	}

	Publisher<Void> notFound(HttpServerRequest request, HttpServerResponse response) {
		return write(request, response, SandboxAnswer.notFound("RESOURCE_NOT_FOUND",
				"No resource at " + request.method() + " " + request.path() + "."));
	}

	private Mono<Void> api(HttpServerRequest request, HttpServerResponse response,
			Function<ApiCall, SandboxAnswer> handler) {
		return request.receive()
			.aggregate()
			.asString()
			.defaultIfEmpty("")
			.map((body) -> answer(request, body, handler))
			.flatMap((answer) -> write(request, response, answer));
	}

	private SandboxAnswer answer(HttpServerRequest request, String body, Function<ApiCall, SandboxAnswer> handler) {
		Optional<SandboxAnswer> refused = this.authority.authenticate(request.method().name(), request.uri(),
				request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
		if (refused.isPresent()) {
			return refused.get();
		}
		String version = version(request.requestHeaders().get(HttpHeaderNames.ACCEPT));
		if (version == null) {
			return SandboxAnswer.error(406, "INVALID_VERSION_DATE", "Not Acceptable",
					"Accept must be application/vnd.atlas.<version>+json with a version of " + VERSIONS + ".");
		}
		Integer injected = this.injectedFailures.poll();
		if (injected != null) {
			SandboxAnswer failure = SandboxAnswer.error(injected,
					(injected == 429) ? "RATE_LIMITED" : "UNEXPECTED_ERROR", "Injected",
					"A failure the sandbox was told to inject.");
			return (injected == 429) ? failure.withHeader("Retry-After", "1") : failure;
		}
		String orgId = request.param("orgId");
		if (orgId == null || !UsageQueryValidator.ID.matcher(orgId).matches()) {
			return SandboxAnswer.badRequest("Invalid organization id " + orgId + ".");
		}
		if (this.data.organization(orgId).isEmpty()) {
			return SandboxAnswer.notFound("ORG_NOT_FOUND", "No organization with ID " + orgId + " exists.");
		}
		return handler.apply(new ApiCall(orgId, body, version));
	}

	private Mono<Void> write(HttpServerRequest request, HttpServerResponse response, SandboxAnswer answer) {
		this.counters.answered(answer.status());
		answer.headers().forEach(response::header);
		if (answer.apiLayer() && envelopeRequested(request)) {
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("status", answer.status());
			envelope.put("content", (answer.body() != null) ? answer.body() : Map.of());
			return send(response.status(200), envelope);
		}
		if (answer.status() == 102) {
			// Reactor Netty's server treats a 1xx as interim and would keep waiting for a
			// final
			// response of this request, never reading the next one: close after it.
			return response.keepAlive(false).status(102).send();
		}
		return (answer.body() != null) ? send(response.status(answer.status()), answer.body())
				: response.status(answer.status()).send();
	}

	private Mono<Void> send(HttpServerResponse response, Object body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(this.mapper.writeValueAsString(body)))
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

	private static @Nullable Integer positiveInt(Map<String, List<String>> parameters, String name, int fallback) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(values.get(0));
			return (value >= 1) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private record ApiCall(String orgId, String body, String version) {
	}

	private record PendingQuery(String orgId, UsageQuery query, long readyAtNanos) {
	}

}
