package com.atlascost.reports.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
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
 * Atlas no longer knows (404 on poll) is forgotten and the query created again while the
 * fetch makes progress, within {@code usage.recreate-deadline}; the losses teach how long
 * Atlas keeps tokens ({@link TokenLifetime}) and narrow the organization's window of open
 * queries ({@link OrganizationWindow}) to what its bucket can poll in that time.
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

	/** Polls on a learned lifetime come no closer than this. */
	private static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(100);

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
		Run run = new Run(new TokenLifetime(), new AtomicLong(), new AtomicInteger(), new AtomicInteger(),
				System.nanoTime());
		Map<String, OrganizationWindow> windows = new LinkedHashMap<>();
		byOrg.keySet()
			.forEach((orgId) -> windows.put(orgId, new OrganizationWindow(this.properties.concurrencyPerOrg(),
					() -> this.client.currentRate(orgId), () -> this.client.bucketCapacity(orgId), run.lifetime())));
		List<Boolean> results = Flux.fromIterable(windows.entrySet())
			.flatMap((org) -> Flux.fromIterable(byOrg.getOrDefault(org.getKey(), List.of()))
				.flatMap((query) -> total.withPermit(Mono.defer(() -> {
					listener.queryStarted();
					return fetchOne(query, run, org.getValue());
				})).doOnNext(listener::queryFinished), this.properties.concurrencyPerOrg()), Math.max(1, byOrg.size()))
			.collectList()
			.blockOptional()
			.orElse(List.of());
		int done = (int) results.stream().filter(Boolean::booleanValue).count();
		int failed = results.size() - done;
		if (run.forgotten().get() > 0) {
			logger.info("Atlas forgot {} usage query tokens, {} queries created again; token lifetime learned {}",
					run.forgotten().get(), run.recreated().get(), run.lifetime().estimate());
			windows.forEach((orgId, window) -> logger.info(
					"Org {}: at most {} queries open at once at the end (fewest {}), pace {} requests/s", orgId,
					window.limit(), window.lowest(),
					String.format(java.util.Locale.ROOT, "%.2f", this.client.currentRate(orgId))));
		}
		return new FetchOutcome(done, failed, (failed > 0) ? this.store.failures(queryIds) : List.of(),
				run.forgotten().get(), run.recreated().get());
	}

	private Mono<Boolean> fetchOne(StoredQuery query, Run run, OrganizationWindow window) {
		Attempt attempt = new Attempt();
		Mono<List<UsageDetail>> usage = this.metrics
			// a token from an earlier run is open at Atlas already: polled at once,
			// outside
			// the window (which would otherwise stay at its probe of one query)
			.timeQuery(((query.token() != null) ? this.client.awaitUsage(query.organizationId(), query.token())
					: window.withSlot(createAndAwait(query, run, window, attempt)))
				.onErrorResume(UsageFetcher::isTokenLost, (ex) -> recreate(query, run, window, attempt, ex)))
			.doOnNext((rows) -> {
				if (attempt.createdNanos != 0) {
					run.lifetime().answered(Duration.ofNanos(System.nanoTime() - attempt.createdNanos));
				}
				run.answered().incrementAndGet();
				window.answered();
			});
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
	 * Forgets a token the server no longer knows and creates the query anew, as long as
	 * the fetch makes progress: another query was answered since this one's last loss (or
	 * fewer than {@code usage.max-recreates} losses came in a row without), and
	 * {@code usage.recreate-deadline} has not passed since the fetch began. Each loss
	 * teaches the token lifetime and narrows the organization's window.
	 */
	private Mono<List<UsageDetail>> recreate(StoredQuery query, Run run, OrganizationWindow window, Attempt attempt,
			Throwable lost) {
		if (attempt.createdNanos != 0) {
			run.lifetime().lost(Duration.ofNanos(System.nanoTime() - attempt.createdNanos));
		}
		window.lost();
		run.forgotten().incrementAndGet();
		long answered = run.answered().get();
		attempt.inARow = (answered == attempt.answeredAtLoss) ? attempt.inARow + 1 : 1;
		attempt.answeredAtLoss = answered;
		boolean pastDeadline = System.nanoTime() - run.startedNanos() > this.properties.recreateDeadline().toNanos();
		if (attempt.inARow > this.properties.maxRecreates() || pastDeadline) {
			this.metrics.tokenForgotten(false);
			return Mono.error(lost);
		}
		this.metrics.tokenForgotten(true);
		run.recreated().incrementAndGet();
		try (QueryLogContext log = QueryLogContext.of(query)) {
			logger.info(
					"{}: the server no longer knows its token; creating the query again ({} in a row without"
							+ " progress, at most {})",
					describe(query), attempt.inARow, this.properties.maxRecreates());
		}
		return blocking(() -> {
			this.store.forgetToken(query.id());
			return true;
		}).then(window.withSlot(createAndAwait(query, run, window, attempt)))
			.onErrorResume(UsageFetcher::isTokenLost, (ex) -> recreate(query, run, window, attempt, ex));
	}

	/**
	 * Saves the token as soon as it comes and starts polling at the same time: the poll
	 * schedule follows the query's clock at Atlas, not the database's queue. The usage is
	 * stored only once the token is saved. Once a token lifetime is learned the polls fit
	 * in it: the first at about a third of it, then about every fifth of it.
	 */
	private Mono<List<UsageDetail>> createAndAwait(StoredQuery query, Run run, OrganizationWindow window,
			Attempt attempt) {
		Instant[] createdAt = new Instant[1];
		// the query's deadline counts from the create, its waits for Retry-After too
		// (capped by atlas.retry.max-retry-after) leave less time for the polls
		Duration deadline = this.client.queryDeadline();
		long started = System.nanoTime();
		return this.client.createUsageQuery(query.organizationId(), query.filter())
			.timeout(deadline, Mono.error(() -> new UsageQueryTimeoutException(query.organizationId(), deadline)))
			.doOnNext((token) -> {
				createdAt[0] = this.clock.instant();
				attempt.createdNanos = System.nanoTime();
				window.created();
			})
			.flatMap((token) -> Mono.zip(blocking(() -> {
				this.store.markCreated(query.id(), token, createdAt[0]);
				try (QueryLogContext log = QueryLogContext.of(query)) {
					logger.debug("{}: created, token saved", describe(query));
				}
				return token;
			}), await(query, token, left(deadline, started), run.lifetime().estimate()), (saved, usage) -> usage));
	}

	private Mono<List<UsageDetail>> await(StoredQuery query, String token, Duration left, @Nullable Duration lifetime) {
		if (lifetime == null) {
			return this.client.awaitCreatedUsage(query.organizationId(), token, left);
		}
		Duration first = max(MIN_POLL_INTERVAL, lifetime.multipliedBy(35).dividedBy(100));
		Duration interval = max(MIN_POLL_INTERVAL, lifetime.multipliedBy(22).dividedBy(100));
		return this.client.awaitCreatedUsage(query.organizationId(), token, left, first, interval);
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
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

	/**
	 * One fetch's shared learning and counts: the token lifetime, queries answered (its
	 * progress), tokens forgotten and queries created again.
	 */
	private record Run(TokenLifetime lifetime, AtomicLong answered, AtomicInteger forgotten, AtomicInteger recreated,
			long startedNanos) {
	}

	/** One query's creates: when the last one was answered, its losses in a row. */
	private static final class Attempt {

		private volatile long createdNanos;

		private int inARow;

		private long answeredAtLoss = -1;

	}

}
