package com.atlascost.reports.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.atlascost.reports.atlas.AtlasApiException;
import com.atlascost.reports.atlas.AtlasCostExplorerClient;
import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.plan.MonthWindow;

import org.springframework.stereotype.Component;

/**
 * Brings every unfinished query to DONE or FAILED: creates it unless it already holds a
 * token, saves the token at once, polls until the usage is ready and stores it. Queries
 * run concurrently; the database calls run on a scheduler meant for blocking work.
 */
@Component
public class UsageFetcher {

	private static final Logger logger = LoggerFactory.getLogger(UsageFetcher.class);

	private final AtlasCostExplorerClient client;

	private final QueryStore store;

	private final UsageProperties properties;

	private final Clock clock;

	private final AtlasMetrics metrics;

	public UsageFetcher(AtlasCostExplorerClient client, QueryStore store, UsageProperties properties, Clock clock,
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
		logger.info("Fetching {} of {} queries ({} already done)", unfinished.size(), queryIds.size(),
				queryIds.size() - unfinished.size());
		listener.started(unfinished.size(), queryIds.size() - unfinished.size());
		List<Boolean> results = Flux.fromIterable(unfinished).flatMap((query) -> Mono.defer(() -> {
			listener.queryStarted();
			return fetchOne(query);
		}).doOnNext(listener::queryFinished), Math.max(1, this.properties.concurrency()))
			.collectList()
			.blockOptional()
			.orElse(List.of());
		int done = (int) results.stream().filter(Boolean::booleanValue).count();
		int failed = results.size() - done;
		return new FetchOutcome(done, failed, (failed > 0) ? this.store.failures(queryIds) : List.of());
	}

	private Mono<Boolean> fetchOne(StoredQuery query) {
		Mono<List<UsageDetail>> usage = this.metrics
			.timeQuery((query.token() != null) ? resume(query) : createAndAwait(query));
		return usage.flatMap((rows) -> blocking(() -> {
			Instant fetchedAt = this.clock.instant();
			this.store.complete(query, rows, fetchedAt, isProvisional(query.window(), fetchedAt));
			try (QueryLogContext log = QueryLogContext.of(query)) {
				logger.debug("{}: {} usage rows stored", describe(query), rows.size());
			}
			return true;
		})).onErrorResume((ex) -> blocking(() -> {
			String reason = reason(ex);
			try (QueryLogContext log = QueryLogContext.of(query)) {
				logger.warn("{}: failed: {}", describe(query), reason);
			}
			this.store.markFailed(query.id(), reason);
			return false;
		}));
	}

	/**
	 * Polls a token saved by an earlier attempt; one the server has forgotten is created
	 * anew.
	 */
	private Mono<List<UsageDetail>> resume(StoredQuery query) {
		return this.client.awaitUsage(query.organizationId(), query.token())
			.onErrorResume((ex) -> ex instanceof AtlasApiException api && api.status() == 404, (ex) -> {
				return blocking(() -> {
					try (QueryLogContext log = QueryLogContext.of(query)) {
						logger.info("{}: the server no longer knows its token; creating the query again",
								describe(query));
					}
					this.store.forgetToken(query.id());
					return true;
				}).then(createAndAwait(query));
			});
	}

	private Mono<List<UsageDetail>> createAndAwait(StoredQuery query) {
		return this.client.createUsageQuery(query.organizationId(), query.filter()).flatMap((token) -> blocking(() -> {
			this.store.markCreated(query.id(), token, this.clock.instant());
			logger.info("{}: created, token saved", describe(query));
			return token;
		})).flatMap((token) -> this.client.awaitUsage(query.organizationId(), token));
	}

	/** A month is provisional until {@code settlementDays} after it ends. */
	boolean isProvisional(MonthWindow window, Instant fetchedAt) {
		Instant settled = window.end()
			.plusDays(this.properties.settlementDays())
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return fetchedAt.isBefore(settled);
	}

	private static String reason(Throwable ex) {
		if (ex instanceof AtlasApiException api) {
			return String.valueOf(api.getMessage());
		}
		if (ex instanceof TimeoutException) {
			return "no answer in time: " + ex.getMessage();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static String describe(StoredQuery query) {
		return "org " + query.organizationId() + " " + query.grouping().apiName() + " " + query.window().month();
	}

	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
