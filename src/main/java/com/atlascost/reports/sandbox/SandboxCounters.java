package com.atlascost.reports.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sandbox was asked and answered, for tests. Statuses are Atlas statuses: a 102
 * inside an envelope counts as a 102.
 */
public class SandboxCounters {

	private final AtomicLong tokenRequests = new AtomicLong();

	private final AtomicLong creates = new AtomicLong();

	private final AtomicLong polls = new AtomicLong();

	private final AtomicLong projectListings = new AtomicLong();

	private final AtomicLong clusterListings = new AtomicLong();

	private final Map<Integer, AtomicLong> responses = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> queriesCreated = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> tokensLost = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();

	private final Map<String, Gauge> openQueries = new ConcurrentHashMap<>();

	private final Gauge allOpenQueries = new Gauge();

	private final AtomicLong longestProcessingNanos = new AtomicLong();

	private final AtomicLong mostPollsOfOneQuery = new AtomicLong();

	private final Map<String, Gauge> requestsInFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> bucketGrants = new ConcurrentHashMap<>();

	private final AtomicLong firstGrantNanos = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong lastGrantNanos = new AtomicLong(Long.MIN_VALUE);

	public long tokenRequests() {
		return this.tokenRequests.get();
	}

	public long creates() {
		return this.creates.get();
	}

	public long polls() {
		return this.polls.get();
	}

	public long projectListings() {
		return this.projectListings.get();
	}

	public long clusterListings() {
		return this.clusterListings.get();
	}

	/** Answers 429 {@code RATE_LIMITED}. */
	public long rateLimited() {
		return responses(429);
	}

	/**
	 * Usage queries accepted (a token issued) per window, keyed
	 * {@code "<orgId> <groupBy> <startDate>"}.
	 */
	public Map<String, Long> queriesCreatedByWindow() {
		return snapshot(this.queriesCreated);
	}

	/**
	 * Tokens the client cannot have used, per window: the create answer was cut short, or
	 * the sandbox forgot or expired the token.
	 */
	public Map<String, Long> tokensLostByWindow() {
		return snapshot(this.tokensLost);
	}

	/**
	 * Faults injected at random, by kind ({@code 500}, {@code 503}, {@code dropped}...).
	 */
	public Map<String, Long> faultsInjected() {
		return snapshot(this.faults);
	}

	/**
	 * The most usage queries of one organization open at once: created and not yet
	 * answered with their usage (nor forgotten).
	 */
	public long peakOpenQueries(String orgId) {
		Gauge gauge = this.openQueries.get(orgId);
		return (gauge != null) ? gauge.peak() : 0;
	}

	/** The most usage queries open at once, all organizations together. */
	public long peakOpenQueries() {
		return this.allOpenQueries.peak();
	}

	/** The longest processing time drawn for a query: no run can finish faster. */
	/** The most polls one usage query was asked (those answered 404 not counted). */
	public long mostPollsOfOneQuery() {
		return this.mostPollsOfOneQuery.get();
	}

	public Duration longestProcessing() {
		return Duration.ofNanos(this.longestProcessingNanos.get());
	}

	/** The most API requests of one organization being answered at once. */
	long peakRequestsInFlight(String orgId) {
		Gauge gauge = this.requestsInFlight.get(orgId);
		return (gauge != null) ? gauge.peak() : 0;
	}

	/**
	 * Requests of the organization its bucket let through (each took a token; a 429 took
	 * none): with the bucket's refill, the time the bucket itself forces on a run.
	 */
	public long bucketGrants(String orgId) {
		AtomicLong count = this.bucketGrants.get(orgId);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * From the first request any bucket let through to the last: how long the run spent
	 * on bucket calls (zero when none went through).
	 */
	public Duration bucketSpan() {
		long first = this.firstGrantNanos.get();
		long last = this.lastGrantNanos.get();
		return (last >= first) ? Duration.ofNanos(last - first) : Duration.ZERO;
	}

	public long responses(int status) {
		AtomicLong count = this.responses.get(status);
		return (count != null) ? count.get() : 0;
	}

	/** Every status answered so far with its count, for assertion messages. */
	Map<Integer, Long> responsesByStatus() {
		Map<Integer, Long> copy = new TreeMap<>();
		this.responses.forEach((status, count) -> copy.put(status, count.get()));
		return copy;
	}

	void tokenRequested() {
		this.tokenRequests.incrementAndGet();
	}

	void created() {
		this.creates.incrementAndGet();
	}

	void polled() {
		this.polls.incrementAndGet();
	}

	void projectsListed() {
		this.projectListings.incrementAndGet();
	}

	void clustersListed() {
		this.clusterListings.incrementAndGet();
	}

	void queryPolled(int pollsOfTheQuery) {
		this.mostPollsOfOneQuery.accumulateAndGet(pollsOfTheQuery, Math::max);
	}

	void processingDrawn(long nanos) {
		this.longestProcessingNanos.accumulateAndGet(nanos, Math::max);
	}

	void queryCreated(String window, String orgId) {
		this.queriesCreated.computeIfAbsent(window, (key) -> new AtomicLong()).incrementAndGet();
		this.openQueries.computeIfAbsent(orgId, (key) -> new Gauge()).up();
		this.allOpenQueries.up();
	}

	void queryClosed(String orgId) {
		this.openQueries.computeIfAbsent(orgId, (key) -> new Gauge()).down();
		this.allOpenQueries.down();
	}

	void tokenLost(String window) {
		this.tokensLost.computeIfAbsent(window, (key) -> new AtomicLong()).incrementAndGet();
	}

	void bucketGranted(String orgId) {
		this.bucketGrants.computeIfAbsent(orgId, (key) -> new AtomicLong()).incrementAndGet();
		long now = System.nanoTime();
		this.firstGrantNanos.accumulateAndGet(now, Math::min);
		this.lastGrantNanos.accumulateAndGet(now, Math::max);
	}

	void faultInjected(String kind) {
		this.faults.computeIfAbsent(kind, (key) -> new AtomicLong()).incrementAndGet();
	}

	void requestStarted(String orgId) {
		this.requestsInFlight.computeIfAbsent(orgId, (key) -> new Gauge()).up();
	}

	void requestEnded(String orgId) {
		this.requestsInFlight.computeIfAbsent(orgId, (key) -> new Gauge()).down();
	}

	void answered(int status) {
		this.responses.computeIfAbsent(status, (key) -> new AtomicLong()).incrementAndGet();
	}

	private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
		Map<String, Long> copy = new TreeMap<>();
		counts.forEach((key, count) -> copy.put(key, count.get()));
		return copy;
	}

	@Override
	public String toString() {
		return "SandboxCounters[tokenRequests=" + tokenRequests() + ", creates=" + creates() + ", polls=" + polls()
				+ ", projectListings=" + projectListings() + ", clusterListings=" + clusterListings() + ", responses="
				+ responsesByStatus() + ", faults=" + faultsInjected() + ", tokensLost=" + tokensLostByWindow()
				+ ", peakOpenQueries=" + peakOpenQueries() + "]";
	}

	/** A level and the highest it reached. */
	private static final class Gauge {

		private long level;

		private long peak;

		synchronized void up() {
			this.level++;
			this.peak = Math.max(this.peak, this.level);
		}

		synchronized void down() {
			this.level--;
		}

		synchronized long peak() {
			return this.peak;
		}

	}

}
