package com.atlascost.reports.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.reactivestreams.Publisher;

import com.atlascost.reports.atlas.AtlasJson;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cost Explorer: {@code POST /orgs/{orgId}/billing/costExplorer/usage} creates a
 * usage query and answers its token; {@code GET .../usage/{token}} answers
 * {@code 102 Processing} while it runs (a processing time drawn per query), then its
 * usage rows. Tokens may expire or be forgotten, as Atlas's do.
 */
final class CostExplorerEndpoint {

	private static final Pattern TOKEN = Pattern.compile("^[a-f0-9]{64}$");

	private final SandboxSettings settings;

	private final SandboxData data;

	private final SandboxCounters counters;

	private final SandboxDraws draws;

	private final SandboxApi api;

	private final UsageQueryValidator validator = new UsageQueryValidator();

	private final Map<String, PendingQuery> queries = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final AtomicInteger tokensToForget;

	private final JsonMapper mapper = AtlasJson.mapper();

	private final BrokenUsageAnswers brokenAnswers = new BrokenUsageAnswers();

	CostExplorerEndpoint(SandboxSettings settings, SandboxData data, SandboxCounters counters, SandboxDraws draws,
			SandboxApi api) {
		this.settings = settings;
		this.data = data;
		this.counters = counters;
		this.draws = draws;
		this.api = api;
		this.tokensToForget = new AtomicInteger(settings.forgottenTokens());
	}

	Publisher<Void> create(HttpServerRequest request, HttpServerResponse response) {
		this.counters.created();
		return this.api.call(request, response, SandboxApi.Scope.BILLING, SandboxOperation.CREATE_COST_EXPLORER_QUERY,
				(call) -> {
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
						// the spec: the path's own org, or one linked to it (cross-org
						// billing)
						if (this.data.organization(linked).isEmpty() || !this.data.visibleTo(linked, call.orgId())) {
							return SandboxAnswer
								.badRequest("Organization " + linked + " is not linked to " + call.orgId() + ".");
						}
					}
					String token = newToken();
					String window = window(call.orgId(), result.query());
					long now = System.nanoTime();
					long processing = processingTime().toNanos();
					this.counters.processingDrawn(processing);
					this.queries.put(token,
							new PendingQuery(call.orgId(), result.query(), window, now, now + processing));
					this.counters.queryCreated(window, call.orgId());
					if (call.fault() == SandboxFault.TRUNCATED) {
						// the client cannot read this token: the query runs on, unknown
						// to it
						this.counters.tokenLost(window);
					}
					return SandboxAnswer.ok(202, Map.of("token", token));
				});
	}

	Publisher<Void> poll(HttpServerRequest request, HttpServerResponse response) {
		this.counters.polled();
		return this.api.call(request, response, SandboxApi.Scope.BILLING, SandboxOperation.GET_COST_EXPLORER_QUERY,
				(call) -> {
					String token = request.param("token");
					PendingQuery query = (token != null && TOKEN.matcher(token).matches()) ? this.queries.get(token)
							: null;
					if (query == null || !query.orgId().equals(call.orgId())) {
						return SandboxAnswer.notFound("TOKEN_NOT_FOUND", "No usage query with token " + token + ".");
					}
					long now = System.nanoTime();
					Duration lifetime = this.settings.queryTokenLifetime();
					boolean expired = lifetime != null && now - query.createdAtNanos() > lifetime.toNanos();
					boolean forgotten = query.polled()
							&& this.tokensToForget.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
					if (expired || forgotten) {
						forget(Objects.requireNonNull(token, "a known query has a token"), query);
						return SandboxAnswer.notFound("TOKEN_NOT_FOUND", "No usage query with token " + token + ".");
					}
					this.counters.queryPolled(query.markPolled());
					if (now < query.readyAtNanos()) {
						return SandboxAnswer.ok(102, null);
					}
					if (query.markAnswered()) {
						this.counters.queryClosed(query.orgId());
					}
					List<UsageDetail> rows = this.data.usageFor(query.orgId(), query.query());
					List<UsageDetail> named = this.settings.namedUsageRows() ? rows
							: rows.stream().map(CostExplorerEndpoint::withoutNames).toList();
					SandboxSettings.Faults faults = this.settings.faults();
					return faults.hits(query.orgId()) ? this.brokenAnswers.answer(faults, query.query(), named)
							: SandboxAnswer.ok(200, Map.of("usageDetails", named));
				});
	}

	private Duration processingTime() {
		long min = this.settings.processingDelay().toNanos();
		long spread = this.settings.processingDelayMax().toNanos() - min;
		if (spread <= 0) {
			return Duration.ofNanos(min);
		}
		return Duration.ofNanos(min + (long) (this.draws.next() * spread));
	}

	private void forget(String token, PendingQuery query) {
		if (this.queries.remove(token) != null) {
			this.counters.tokenLost(query.window());
			if (query.markAnswered()) {
				this.counters.queryClosed(query.orgId());
			}
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

	/** A usage query the sandbox runs; polls mark it. */
	private static final class PendingQuery {

		private final String orgId;

		private final UsageQuery query;

		private final String window;

		private final long createdAtNanos;

		private final long readyAtNanos;

		private final AtomicInteger polls = new AtomicInteger();

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
			return this.polls.get() > 0;
		}

		/** Counts a poll; how many the query has had. */
		int markPolled() {
			return this.polls.incrementAndGet();
		}

		/** True the first time only: the query leaves the open ones once. */
		boolean markAnswered() {
			return this.answered.compareAndSet(false, true);
		}

	}

}
