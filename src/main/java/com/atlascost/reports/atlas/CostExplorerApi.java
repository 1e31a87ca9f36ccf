package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.atlascost.reports.atlas.AtlasResponses.CreatedQuery;
import reactor.core.publisher.Mono;

/**
 * The Cost Explorer: a usage query is created, then polled until its usage is ready. (The
 * specification tags these two operations {@code Invoices}; they are a query process of
 * their own, with their own callers, so they have their own class here.)
 */
public final class CostExplorerApi {

	private static final String USAGE_PATH = "/api/atlas/v2/orgs/{orgId}/billing/costExplorer/usage";

	private static final String QUERY_PATH = USAGE_PATH + "/{token}";

	private final AtlasPipeline pipeline;

	private final AtlasProperties.Polling polling;

	CostExplorerApi(AtlasPipeline pipeline, AtlasProperties.Polling polling) {
		this.pipeline = pipeline;
		this.polling = polling;
	}

	/** Starts a usage query; the token identifies it for {@link #pollUsage}. */
	public Mono<String> createUsageQuery(String orgId, UsageQuery query) {
		// the specification answers a create with 202 only
		return this.pipeline.post(AtlasApiCall.CREATE_USAGE_QUERY, orgId, Set.of(202), query, USAGE_PATH, orgId)
			.handle((ok, sink) -> {
				CreatedQuery created = this.pipeline.read(ok, CreatedQuery.class);
				if (created == null || created.token() == null) {
					sink.error(new AtlasApiException(ok.status(), "MISSING_TOKEN", "the answer carries no token", orgId,
							AtlasApiCall.CREATE_USAGE_QUERY, null));
					return;
				}
				if (!AtlasIdFormat.TOKEN.matcher(created.token()).matches()) {
					sink.error(new AtlasApiException(ok.status(), AtlasApiException.UNEXPECTED_ANSWER,
							"token: " + AtlasIdFormat.shown(created.token()) + " is not a query token (64 hex digits)",
							orgId, AtlasApiCall.CREATE_USAGE_QUERY, null));
					return;
				}
				sink.next(created.token());
			});
	}

	/** Asks once whether the query is done: {@code 102} while it runs, then its usage. */
	Mono<UsagePoll> pollUsage(String orgId, String token) {
		return this.pipeline.get(AtlasApiCall.POLL_USAGE, orgId, Set.of(102, 200), QUERY_PATH, orgId, token)
			.map((ok) -> (ok.status() == 102) ? new UsagePoll.Processing()
					: new UsagePoll.Ready(UsageAnswer.read(ok.content(), orgId)));
	}

	/**
	 * Polls until the usage is ready: at once, then after the initial interval growing by
	 * the multiplier up to the maximum interval; fails with
	 * {@link UsageQueryTimeoutException} after the deadline.
	 */
	public Mono<List<UsageDetail>> awaitUsage(String orgId, String token) {
		return withDeadline(pollUntilReady(orgId, token, 0), orgId, token, this.polling.deadline());
	}

	/**
	 * Polls a query just created, failing after {@code deadline} (what is left of the
	 * query's deadline after its create): as {@link #awaitUsage}, but the first poll
	 * waits the initial interval, since no query is done the moment it is created.
	 */
	public Mono<List<UsageDetail>> awaitCreatedUsage(String orgId, String token, Duration deadline) {
		Mono<List<UsageDetail>> polls = Mono.delay(pollInterval(0, this.polling)).then(pollUntilReady(orgId, token, 1));
		return withDeadline(polls, orgId, token, deadline);
	}

	/**
	 * As {@link #awaitCreatedUsage(String, String, Duration)}, on a schedule of the
	 * caller's: the first poll after {@code firstPoll}, then one every {@code interval}
	 * (when the caller knows how long Atlas keeps tokens, say).
	 */
	public Mono<List<UsageDetail>> awaitCreatedUsage(String orgId, String token, Duration deadline, Duration firstPoll,
			Duration interval) {
		Mono<List<UsageDetail>> polls = Mono.delay(firstPoll)
			.then(pollUsage(orgId, token)
				.flatMap((poll) -> (poll instanceof UsagePoll.Ready ready) ? Mono.just(ready.usageDetails())
						: Mono.<List<UsageDetail>>empty())
				.repeatWhenEmpty((emptyPolls) -> emptyPolls.concatMap((index) -> Mono.delay(interval))));
		return withDeadline(polls, orgId, token, deadline);
	}

	/**
	 * The pace the organization's bucket calls are given now, requests per second: the
	 * published rate until Atlas answered 429.
	 */
	public double currentRate(String orgId) {
		return this.pipeline.currentRate(orgId);
	}

	/**
	 * The capacity of the organization's bucket: as configured, or smaller when Atlas
	 * said so ({@code RateLimit-Limit}).
	 */
	public int bucketCapacity(String orgId) {
		return this.pipeline.bucketCapacity(orgId);
	}

	/**
	 * How long a usage query may take from its create to its answer
	 * ({@code atlas.polling.deadline}).
	 */
	public Duration queryDeadline() {
		return this.polling.deadline();
	}

	/** Polls at once, then after the intervals from the {@code firstInterval}th on. */
	private Mono<List<UsageDetail>> pollUntilReady(String orgId, String token, long firstInterval) {
		return pollUsage(orgId, token)
			.flatMap((poll) -> (poll instanceof UsagePoll.Ready ready) ? Mono.just(ready.usageDetails())
					: Mono.<List<UsageDetail>>empty())
			.repeatWhenEmpty((emptyPolls) -> emptyPolls
				.concatMap((index) -> Mono.delay(pollInterval(index + firstInterval, this.polling))));
	}

	private Mono<List<UsageDetail>> withDeadline(Mono<List<UsageDetail>> polls, String orgId, String token,
			Duration deadline) {
		Duration configured = this.polling.deadline();
		return polls.timeout(deadline, Mono.error(() -> new UsageQueryTimeoutException(orgId, token, configured)));
	}

	static Duration pollInterval(long index, AtlasProperties.Polling polling) {
		double factor = Math.pow(polling.multiplier(), Math.min(index, 60));
		double nanos = polling.initialInterval().toNanos() * factor;
		return (nanos >= polling.maxInterval().toNanos()) ? polling.maxInterval() : Duration.ofNanos((long) nanos);
	}

}
