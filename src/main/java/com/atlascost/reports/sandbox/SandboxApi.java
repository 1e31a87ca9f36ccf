package com.atlascost.reports.sandbox;

import java.util.Objects;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import com.atlascost.reports.atlas.AtlasJson;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's endpoints. Every API call passes, in this order: authentication (401 with
 * a Digest challenge), the version in {@code Accept} (406 {@code INVALID_VERSION_DATE}),
 * the org id in the path (400 when malformed, 404 {@code ORG_NOT_FOUND} when unknown),
 * for creates and polls the organization's bucket (429 {@code RATE_LIMITED}), any
 * injected failure, a random fault of {@link SandboxSettings.Faults}, then the call's own
 * checks.
 */
class SandboxApi {

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

	/** Seeded: which calls fail and how long queries run repeat from run to run. */
	private final Random draws;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger tokensToForget;

	/** The request bodies of the calls being answered, for the journal. */
	private final Map<HttpServerRequest, String> requestBodies = new ConcurrentHashMap<>();

	private final SandboxJournal journal;

	/** How much of each organization's bucket another client takes. */
	private final Map<String, OtherClient> otherClients = new ConcurrentHashMap<>();

	private final JsonMapper mapper = AtlasJson.mapper()
		.rebuild()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	SandboxApi(SandboxSettings settings, SandboxData data, SandboxAuthority authority, SandboxCounters counters,
			SandboxJournal journal) {
		this.journal = journal;
		this.settings = settings;
		this.data = data;
		this.authority = authority;
		this.counters = counters;
		this.injectedFailures = new ConcurrentLinkedQueue<>(settings.injectedFailures());
		this.draws = new Random(settings.faults().seed());
		this.tokensToForget = new AtomicInteger(settings.forgottenTokens());
	}

	Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.counters.tokenRequested();
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((form) -> {
			this.requestBodies.put(request, form);
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
		return api(request, response, Scope.BILLING, SandboxOperation.CREATE_COST_EXPLORER_QUERY, (call) -> {
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
			String window = window(call.orgId(), result.query());
			long now = System.nanoTime();
			long processing = processingTime().toNanos();
			this.counters.processingDrawn(processing);
			this.queries.put(token, new PendingQuery(call.orgId(), result.query(), window, now, now + processing));
			this.counters.queryCreated(window, call.orgId());
			if (call.fault() == Fault.TRUNCATED) {
				// the client cannot read this token: the query runs on, unknown to it
				this.counters.tokenLost(window);
			}
			return SandboxAnswer.ok(202, Map.of("token", token));
		});
	}

	Publisher<Void> poll(HttpServerRequest request, HttpServerResponse response) {
		this.counters.polled();
		return api(request, response, Scope.BILLING, SandboxOperation.GET_COST_EXPLORER_QUERY, (call) -> {
			String token = request.param("token");
			PendingQuery query = (token != null && TOKEN.matcher(token).matches()) ? this.queries.get(token) : null;
			if (query == null || !query.orgId().equals(call.orgId())) {
				return SandboxAnswer.notFound("TOKEN_NOT_FOUND", "No usage query with token " + token + ".");
			}
			long now = System.nanoTime();
			Duration lifetime = this.settings.queryTokenLifetime();
			boolean expired = lifetime != null && now - query.createdAtNanos() > lifetime.toNanos();
			boolean forgotten = query.polled() && this.tokensToForget.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
			if (expired || forgotten) {
				forget(Objects.requireNonNull(token, "a known query has a token"), query);
				return SandboxAnswer.notFound("TOKEN_NOT_FOUND", "No usage query with token " + token + ".");
			}
			query.markPolled();
			if (now < query.readyAtNanos()) {
				return SandboxAnswer.ok(102, null);
			}
			if (query.markAnswered()) {
				this.counters.queryClosed(query.orgId());
			}
			List<UsageDetail> rows = this.data.usageFor(query.orgId(), query.query());
			return SandboxAnswer.ok(200, Map.of("usageDetails",
					this.settings.namedUsageRows() ? rows : rows.stream().map(SandboxApi::withoutNames).toList()));
		});
	}

	Publisher<Void> projects(HttpServerRequest request, HttpServerResponse response) {
		this.counters.projectsListed();
		return api(request, response, Scope.ORGANIZATION, SandboxOperation.LIST_ORGANIZATION_PROJECTS, (call) -> {
			SandboxData.Organization org = this.data.organization(call.orgId()).orElseThrow();
			return page(request,
					org.projects()
						.stream()
						.map((project) -> Map.<String, Object>of("id", project.id(), "name", project.name(), "orgId",
								org.id(), "clusterCount", project.clusters().size()))
						.toList());
		});
	}

	Publisher<Void> clusters(HttpServerRequest request, HttpServerResponse response) {
		this.counters.clustersListed();
		return api(request, response, Scope.PROJECT, SandboxOperation.LIST_CLUSTERS, (call) -> {
			SandboxData.Project project = project(request.param("groupId")).orElseThrow();
			return page(request,
					project.dedicatedClusters()
						.stream()
						.map((cluster) -> Map.<String, Object>of("id", cluster.id(), "name", cluster.name(), "groupId",
								project.id(), "clusterType", "REPLICASET", "stateName", "IDLE"))
						.toList());
		});
	}

	/**
	 * {@code listFlexClusters}: the Flex clusters, which {@code listClusters} leaves out.
	 */
	Publisher<Void> flexClusters(HttpServerRequest request, HttpServerResponse response) {
		this.counters.clustersListed();
		return api(request, response, Scope.PROJECT, SandboxOperation.LIST_FLEX_CLUSTERS, (call) -> {
			SandboxData.Project project = project(request.param("groupId")).orElseThrow();
			return page(request,
					project.flexClusters()
						.stream()
						.map((cluster) -> Map.<String, Object>of("id", cluster.id(), "name", cluster.name(), "groupId",
								project.id(), "clusterType", "REPLICASET", "stateName", "IDLE", "tags", List.of()))
						.toList());
		});
	}

	/**
	 * One page of a list, as Atlas pages: {@code pageNum} from 1, {@code itemsPerPage}.
	 */
	private SandboxAnswer page(HttpServerRequest request, List<Map<String, Object>> all) {
		Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
		Integer pageNum = positiveInt(parameters, "pageNum", 1);
		Integer itemsPerPage = positiveInt(parameters, "itemsPerPage", this.settings.defaultItemsPerPage());
		if (pageNum == null || itemsPerPage == null || itemsPerPage > MAX_ITEMS_PER_PAGE) {
			return SandboxAnswer.badRequest("pageNum must be at least 1 and itemsPerPage between 1 and 500.");
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("links", List.of());
		page.put("results", all.stream().skip((long) (pageNum - 1) * itemsPerPage).limit(itemsPerPage).toList());
		page.put("totalCount", all.size());
		return SandboxAnswer.ok(200, page);
	}

	Publisher<Void> notFound(HttpServerRequest request, HttpServerResponse response) {
		return write(request, response, SandboxAnswer.notFound("RESOURCE_NOT_FOUND",
				"No resource at " + request.method() + " " + request.path() + "."));
	}

	private Mono<Void> api(HttpServerRequest request, HttpServerResponse response, Scope scope,
			SandboxOperation operation, Function<ApiCall, SandboxAnswer> handler) {
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
			SandboxOperation operation, @Nullable String orgId, String body, Function<ApiCall, SandboxAnswer> handler) {
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
			Limited limited = rateLimit(orgId);
			if (limited.refusal() != null) {
				return write(request, response, limited.refusal());
			}
			limitHeaders = limited.headers();
		}
		Integer injected = this.injectedFailures.poll();
		if (injected != null) {
			SandboxAnswer failure = SandboxAnswer.error(injected,
					(injected == 429) ? "RATE_LIMITED" : (injected == 401) ? "UNAUTHORIZED" : "UNEXPECTED_ERROR",
					"Injected", "A failure the sandbox was told to inject.");
			return write(request, response, (injected == 429) ? failure.withHeader("Retry-After", "1") : failure);
		}
		Fault fault = drawFault(orgId);
		switch (fault) {
			case SERVER_ERROR:
				return write(request, response, SandboxAnswer.error(500, "UNEXPECTED_ERROR", "Internal Server Error",
						"An injected server error."));
			case UNAVAILABLE:
				return write(request, response,
						SandboxAnswer.error(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "An injected outage."));
			case DROPPED:
				record(request, 0, Map.of(), null, fault.label);
				return response.withConnection((connection) -> connection.channel().close()).then();
			default:
				break;
		}
		// only a cluster listing has no organization in its path, and it does not use one
		SandboxAnswer answer = handler.apply(new ApiCall(Objects.requireNonNullElse(orgId, ""), body, version, fault))
			.withHeaders(limitHeaders);
		if (fault == Fault.SLOW) {
			return Mono.delay(this.settings.faults().slowDelay()).then(write(request, response, answer, false));
		}
		return write(request, response, answer, fault == Fault.TRUNCATED);
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

	/**
	 * Takes a request from the organization's bucket, or answers 429; either way with the
	 * {@code RateLimit-Limit} and {@code RateLimit-Remaining} headers Atlas sends.
	 */
	private Limited rateLimit(@Nullable String orgId) {
		SandboxSettings.RateLimit limit = this.settings.rateLimit();
		if (!limit.enabled() || orgId == null) {
			return new Limited(null, Map.of());
		}
		Bucket bucket = this.buckets.computeIfAbsent(orgId, (id) -> Bucket.builder()
			.addLimit(
					Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
			.build());
		if (limit.shares(orgId)) {
			this.otherClients.computeIfAbsent(orgId, (id) -> new OtherClient(limit.otherClientRate())).take(bucket);
		}
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		Map<String, String> headers = Map.of("RateLimit-Limit", String.valueOf(limit.capacity()), "RateLimit-Remaining",
				String.valueOf(probe.getRemainingTokens()));
		if (probe.isConsumed()) {
			return new Limited(null, headers);
		}
		SandboxAnswer limited = SandboxAnswer.error(429, "RATE_LIMITED", "Too Many Requests",
				"You have exceeded the rate limit of " + limit.capacity() + " requests, refilled at " + limit.refill()
						+ " per " + limit.period().toSeconds() + " seconds.");
		if (!limit.retryAfter()) {
			return new Limited(limited.withHeaders(headers), headers);
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return new Limited(limited.withHeaders(headers).withHeader("Retry-After", String.valueOf(seconds)), headers);
	}

	private Fault drawFault(@Nullable String orgId) {
		SandboxSettings.Faults faults = this.settings.faults();
		if (orgId == null || !faults.hits(orgId)) {
			return Fault.NONE;
		}
		double draw;
		synchronized (this.draws) {
			draw = this.draws.nextDouble();
		}
		Fault fault = Fault.NONE;
		double bound = 0;
		double[] probabilities = { faults.serverError(), faults.unavailable(), faults.droppedConnection(),
				faults.truncatedBody(), faults.slowAnswer() };
		Fault[] kinds = { Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.DROPPED, Fault.TRUNCATED, Fault.SLOW };
		for (int i = 0; i < kinds.length && fault == Fault.NONE; i++) {
			bound += probabilities[i];
			if (draw < bound) {
				fault = kinds[i];
			}
		}
		if (fault != Fault.NONE) {
			this.counters.faultInjected(fault.label);
		}
		return fault;
	}

	private Duration processingTime() {
		long min = this.settings.processingDelay().toNanos();
		long spread = this.settings.processingDelayMax().toNanos() - min;
		if (spread <= 0) {
			return Duration.ofNanos(min);
		}
		double draw;
		synchronized (this.draws) {
			draw = this.draws.nextDouble();
		}
		return Duration.ofNanos(min + (long) (draw * spread));
	}

	private void forget(String token, PendingQuery query) {
		if (this.queries.remove(token) != null) {
			this.counters.tokenLost(query.window());
			if (query.markAnswered()) {
				this.counters.queryClosed(query.orgId());
			}
		}
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

	private Optional<SandboxData.Project> project(@Nullable String groupId) {
		return this.data.organizations()
			.stream()
			.flatMap((org) -> org.projects().stream())
			.filter((project) -> project.id().equals(groupId))
			.findFirst();
	}

	private Mono<Void> write(HttpServerRequest request, HttpServerResponse response, SandboxAnswer answer) {
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
			// Reactor Netty's server treats a 1xx as interim and would keep waiting for a
			// final
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
		record(request, status, headers, sent, truncated ? Fault.TRUNCATED.label : null);
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(sent)).then();
	}

	private void record(HttpServerRequest request, int status, Map<String, String> headers, @Nullable String body,
			@Nullable String fault) {
		Map<String, String> requestHeaders = new LinkedHashMap<>();
		// never the Authorization header: the journal holds no secret
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

	private static String window(String orgId, UsageQuery query) {
		return orgId + " " + query.groupBy() + " " + query.startDate();
	}

	private static UsageDetail withoutNames(UsageDetail row) {
		return new UsageDetail(row.invoiceId(), row.organizationId(), row.organizationName(), row.groupId(), null,
				row.clusterId(), null, row.service(), row.usageAmount(), row.usageDate());
	}

	/** What a call's path names: the bucket and the faults follow its organization. */
	private enum Scope {

		/** Cost Explorer create and poll: in the organization's rate-limit bucket. */
		BILLING,

		/** Other calls under {@code /orgs/{orgId}}. */
		ORGANIZATION,

		/** Calls under {@code /groups/{groupId}}: the project's organization. */
		PROJECT

	}

	private enum Fault {

		NONE("none"), SERVER_ERROR("500"), UNAVAILABLE("503"), DROPPED("dropped"), TRUNCATED("truncated"), SLOW("slow");

		private final String label;

		Fault(String label) {
			this.label = label;
		}

	}

	private record ApiCall(String orgId, String body, String version, Fault fault) {
	}

	/** A bucket's verdict: the 429 when it was empty, and the headers to send. */
	private record Limited(@Nullable SandboxAnswer refusal, Map<String, String> headers) {
	}

	/**
	 * Another client of the organization (a CLI, Terraform) taking requests from its
	 * bucket at a steady rate: the bucket the job sees is smaller than the one it counts
	 * on.
	 */
	private static final class OtherClient {

		private final double ratePerSecond;

		private long lastNanos = System.nanoTime();

		private double owed;

		OtherClient(double ratePerSecond) {
			this.ratePerSecond = ratePerSecond;
		}

		synchronized void take(Bucket bucket) {
			long now = System.nanoTime();
			this.owed += (now - this.lastNanos) / 1e9 * this.ratePerSecond;
			this.lastNanos = now;
			long whole = (long) this.owed;
			if (whole > 0) {
				// it takes what is there: it does not queue for us
				bucket.tryConsumeAsMuchAsPossible(whole);
				this.owed -= whole;
			}
		}

	}

	/** A usage query the sandbox runs; polls mark it. */
	private static final class PendingQuery {

		private final String orgId;

		private final UsageQuery query;

		private final String window;

		private final long createdAtNanos;

		private final long readyAtNanos;

		private volatile boolean polled;

		private final AtomicBoolean answered = new AtomicBoolean();

		PendingQuery(String orgId, UsageQuery query, String window, long createdAtNanos, long readyAtNanos) {
			this.orgId = orgId;
			this.query = query;
			this.window = window;
			this.createdAtNanos = createdAtNanos;
			this.readyAtNanos = readyAtNanos;
		}

		String orgId() {
			return this.orgId;
		}

		UsageQuery query() {
			return this.query;
		}

		String window() {
			return this.window;
		}

		long createdAtNanos() {
			return this.createdAtNanos;
		}

		long readyAtNanos() {
			return this.readyAtNanos;
		}

		boolean polled() {
			return this.polled;
		}

		void markPolled() {
			this.polled = true;
		}

		/** True the first time only: the query leaves the open ones once. */
		boolean markAnswered() {
			return this.answered.compareAndSet(false, true);
		}

	}

}
