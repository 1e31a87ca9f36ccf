package com.atlascost.reports.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.atlascost.reports.atlas.AtlasApiException;
import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.atlas.CostExplorerApi;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQueryTimeoutException;
import com.atlascost.reports.plan.MonthWindow;

import org.springframework.stereotype.Component;

/**
 * Brings every unfinished query to DONE or FAILED: creates it unless it already holds a
 * token, saves the token at once, polls until the usage is ready and stores it. A token
 * Atlas no longer knows (404 on poll) is forgotten and the query created again, at most
 * {@code usage.max-recreates} times.
 * <p>
 * Queries run concurrently on the non-blocking client: at most
 * {@code usage.concurrency-per-org} of one organization and {@code usage.concurrency} in
 * all, the total granted first come first served so that organizations take turns. The
 * database calls run on a scheduler meant for blocking work.
 */
@Component
public class UsageFetcher {

	private static final Logger logger = LoggerFactory.getLogger(UsageFetcher.class);

	private final CostExplorerApi client;

	private final QueryStore store;

	private final UsageProperties properties;

	private final Clock clock;

	private final AtlasMetrics metrics;

	public UsageFetcher(CostExplorerApi client, QueryStore store, UsageProperties properties, Clock clock,
			AtlasMetrics metrics) {
		this.metrics = metrics;
		this.client = client;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	public FetchOutcome fetch(List<Long> queryIds) {
		return fetch(queryIds, FetchListener.NONE);
	}

	public FetchOutcome fetch(List<Long> queryIds, FetchListener listener) {
		List<StoredQuery> unfinished = this.store.unfinished(queryIds);
		logger.info("Fetching {} of {} queries ({} already done), at most {} at once and {} per organization",
				unfinished.size(), queryIds.size(), queryIds.size() - unfinished.size(), this.properties.concurrency(),
				this.properties.concurrencyPerOrg());
		listener.started(unfinished.size(), queryIds.size() - unfinished.size());
		FairPermits total = new FairPermits(this.properties.concurrency());
		Map<String, List<StoredQuery>> byOrg = unfinished.stream()
			.collect(Collectors.groupingBy(StoredQuery::organizationId, LinkedHashMap::new, Collectors.toList()));
		List<Boolean> results = Flux.fromIterable(byOrg.values())
			.flatMap((queries) -> Flux.fromIterable(queries).flatMap((query) -> total.withPermit(Mono.defer(() -> {
				listener.queryStarted();
				return fetchOne(query);
			})).doOnNext(listener::queryFinished), this.properties.concurrencyPerOrg()), Math.max(1, byOrg.size()))
			.collectList()
			.blockOptional()
			.orElse(List.of());
		int done = (int) results.stream().filter(Boolean::booleanValue).count();
		int failed = results.size() - done;
		return new FetchOutcome(done, failed, (failed > 0) ? this.store.failures(queryIds) : List.of());
	}

	private Mono<Boolean> fetchOne(StoredQuery query) {
		Mono<List<UsageDetail>> usage = this.metrics
			.timeQuery(((query.token() != null) ? this.client.awaitUsage(query.organizationId(), query.token())
					: createAndAwait(query))
				.onErrorResume(UsageFetcher::isTokenLost, (ex) -> recreate(query, 1, ex)));
		return usage.flatMap((rows) -> blocking(() -> {
			UsageAnswerCheck.check(query, rows);
			Instant fetchedAt = this.clock.instant();
			this.store.complete(query, rows, fetchedAt, isProvisional(query.window(), fetchedAt));
			try (QueryLogContext log = QueryLogContext.of(query)) {
				logger.debug("{}: {} usage rows stored", describe(query), rows.size());
			}
			return true;
		})).onErrorResume((ex) -> blocking(() -> {
			QueryFailure failure = failure(ex);
			try (QueryLogContext log = QueryLogContext.of(query)) {
				logger.warn("{}: failed: status {}, errorCode {}, detail: {}", describe(query), failure.status(),
						failure.errorCode(), failure.detail());
			}
			// an answer that was not what the API documents is not polled again: the next
			// run creates the query anew rather than read the same answer
			this.store.markFailed(query.id(), failure, AtlasApiException.UNEXPECTED_ANSWER.equals(failure.errorCode()));
			return false;
		}));
	}

	/**
	 * Forgets a token the server no longer knows and creates the query anew, a bounded
	 * number of times.
	 */
	private Mono<List<UsageDetail>> recreate(StoredQuery query, int attempt, Throwable lost) {
		if (attempt > this.properties.maxRecreates()) {
			return Mono.error(lost);
		}
		try (QueryLogContext log = QueryLogContext.of(query)) {
			logger.info("{}: the server no longer knows its token; creating the query again ({} of at most {})",
					describe(query), attempt, this.properties.maxRecreates());
		}
		return blocking(() -> {
			this.store.forgetToken(query.id());
			return true;
		}).then(createAndAwait(query))
			.onErrorResume(UsageFetcher::isTokenLost, (ex) -> recreate(query, attempt + 1, ex));
	}

	/**
	 * Saves the token as soon as it comes and starts polling at the same time: the poll
	 * schedule follows the query's clock at Atlas, not the database's queue. The usage is
	 * stored only once the token is saved.
	 */
	private Mono<List<UsageDetail>> createAndAwait(StoredQuery query) {
		Instant[] createdAt = new Instant[1];
		// the query's deadline counts from the create, its waits for Retry-After too
		// (capped by atlas.retry.max-retry-after) leave less time for the polls
		Duration deadline = this.client.queryDeadline();
		long started = System.nanoTime();
		return this.client.createUsageQuery(query.organizationId(), query.filter())
			.timeout(deadline, Mono.error(() -> new UsageQueryTimeoutException(query.organizationId(), deadline)))
			.doOnNext((token) -> createdAt[0] = this.clock.instant())
			.flatMap((token) -> Mono.zip(blocking(() -> {
				this.store.markCreated(query.id(), token, createdAt[0]);
				try (QueryLogContext log = QueryLogContext.of(query)) {
					logger.debug("{}: created, token saved", describe(query));
				}
				return token;
			}), this.client.awaitCreatedUsage(query.organizationId(), token, left(deadline, started)),
					(saved, usage) -> usage));
	}

	private static Duration left(Duration deadline, long startedNanos) {
		Duration left = deadline.minusNanos(System.nanoTime() - startedNanos);
		return (left.compareTo(Duration.ofMillis(1)) < 0) ? Duration.ofMillis(1) : left;
	}

	/** A 404 on a poll: the token expired or Atlas lost it. */
	private static boolean isTokenLost(Throwable ex) {
		return ex instanceof AtlasApiException api && api.tokenLost();
	}

	/** A month is provisional until {@code settlementDays} after it ends. */
	boolean isProvisional(MonthWindow window, Instant fetchedAt) {
		Instant settled = window.end()
			.plusDays(this.properties.settlementDays())
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return fetchedAt.isBefore(settled);
	}

	static QueryFailure failure(Throwable ex) {
		if (ex instanceof AtlasApiException api) {
			return new QueryFailure(api.status(), api.errorCode(), api.detail(), String.valueOf(api.getMessage()));
		}
		if (ex instanceof UsageQueryTimeoutException) {
			return new QueryFailure(null, "POLLING_DEADLINE", ex.getMessage(), "no answer in time: " + ex.getMessage());
		}
		String detail = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return new QueryFailure(null, "UNEXPECTED", ex.getMessage(), detail);
	}

	private static String describe(StoredQuery query) {
		return "org " + query.organizationId() + " " + query.grouping().apiName() + " " + query.window().month();
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
