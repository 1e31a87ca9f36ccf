package com.atlascost.reports.atlas;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.atlascost.reports.atlas.ratelimit.OrganizationSlowdown;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the client did, as Micrometer meters: {@code atlas.api.calls} (tagged {@code call}
 * and {@code status}: the Atlas status, an envelope's included, or {@code IO_ERROR}),
 * {@code atlas.api.rate_limited} (429 answers), {@code atlas.api.retries} (tagged
 * {@code call}) and the timer {@code atlas.query.latency} (create to usage, tagged
 * {@code outcome}). The registry is whatever the application has, so the usual Spring
 * Boot exporters see them; the run summary reads them back from the same registry.
 */
public class AtlasMetrics {

	static final String CALLS = "atlas.api.calls";

	static final String RATE_LIMITED = "atlas.api.rate_limited";

	static final String RETRIES = "atlas.api.retries";

	static final String QUERY_LATENCY = "atlas.query.latency";

	static final String TOKENS_FORGOTTEN = "atlas.query.tokens_forgotten";

	private final MeterRegistry registry;

	/** The client's organization paces, once a client reports to these meters. */
	private volatile Supplier<Map<String, OrganizationSlowdown>> slowdowns = Map::of;

	public AtlasMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void answered(AtlasApiCall call, String status) {
		Counter.builder(CALLS)
			.description("Atlas API answers by call and status")
			.tag("call", call.name())
			.tag("status", status)
			.register(this.registry)
			.increment();
		if ("429".equals(status)) {
			Counter.builder(RATE_LIMITED).description("429 answers").register(this.registry).increment();
		}
	}

	void retried(AtlasApiCall call) {
		Counter.builder(RETRIES)
			.description("retries of transient failures")
			.tag("call", call.name())
			.register(this.registry)
			.increment();
	}

	/** Times one query from its first call to its usage (or its failure). */
	public <T> Mono<T> timeQuery(Mono<T> query) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.registry);
			return query.doOnSuccess((value) -> sample.stop(latency("done")))
				.doOnError((ex) -> sample.stop(latency("failed")));
		});
	}

	private Timer latency(String outcome) {
		return Timer.builder(QUERY_LATENCY)
			.description("time from a query's first call to its usage")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	/** Answers so far by status (all calls together), in status order. */
	public Map<String, Long> callsByStatus() {
		Map<String, Long> byStatus = new TreeMap<>();
		this.registry.find(CALLS)
			.counters()
			.forEach((counter) -> byStatus.merge(String.valueOf(counter.getId().getTag("status")),
					(long) counter.count(), Long::sum));
		return byStatus;
	}

	public long rateLimited() {
		return (long) this.registry.find(RATE_LIMITED).counters().stream().mapToDouble(Counter::count).sum();
	}

	/** Where {@link #slowedOrganizations()} reads from: the client's limiter. */
	void watchSlowdowns(Supplier<Map<String, OrganizationSlowdown>> slowdowns) {
		this.slowdowns = slowdowns;
	}

	/**
	 * The organizations whose bucket looked smaller than published (they met 429s) and
	 * the pace they were given, by organization id.
	 */
	public Map<String, OrganizationSlowdown> slowedOrganizations() {
		return this.slowdowns.get();
	}

	/** Retries of every call: usage queries, listings, invoices. */
	/**
	 * A usage query's token Atlas no longer knew (404 on a poll), and whether the query
	 * was created again (or failed).
	 */
	public void tokenForgotten(boolean recreated) {
		Counter.builder(TOKENS_FORGOTTEN)
			.description("usage query tokens Atlas forgot")
			.tag("outcome", recreated ? "recreated" : "failed")
			.register(this.registry)
			.increment();
	}

	/** Tokens Atlas forgot, and of those the queries created again. */
	public ForgottenTokens forgottenTokens() {
		long forgotten = 0;
		long recreated = 0;
		for (Counter counter : this.registry.find(TOKENS_FORGOTTEN).counters()) {
			forgotten += (long) counter.count();
			if ("recreated".equals(counter.getId().getTag("outcome"))) {
				recreated += (long) counter.count();
			}
		}
		return new ForgottenTokens(forgotten, recreated);
	}

	public long retries() {
		return (long) this.registry.find(RETRIES).counters().stream().mapToDouble(Counter::count).sum();
	}

	/**
	 * Retries of the usage queries' creates and polls (their token requests included):
	 * the fetch's progress and the run summary's {@code Retries} show this one number.
	 */
	public long usageQueryRetries() {
		return (long) this.registry.find(RETRIES)
			.counters()
			.stream()
			.filter((counter) -> isUsageQueryCall(counter.getId().getTag("call")))
			.mapToDouble(Counter::count)
			.sum();
	}

	private static boolean isUsageQueryCall(@Nullable String call) {
		return AtlasApiCall.CREATE_USAGE_QUERY.name().equals(call) || AtlasApiCall.POLL_USAGE.name().equals(call);
	}

	/** Queries timed so far, their mean and maximum latency. */
	public QueryLatency queryLatency() {
		long count = 0;
		double totalMillis = 0;
		double maxMillis = 0;
		for (Timer timer : this.registry.find(QUERY_LATENCY).timers()) {
			count += timer.count();
			totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
			maxMillis = Math.max(maxMillis, timer.max(TimeUnit.MILLISECONDS));
		}
		return new QueryLatency(count, (count > 0) ? Math.round(totalMillis / count) : 0, Math.round(maxMillis));
	}

	/** Query latency in milliseconds. */
	public record ForgottenTokens(long forgotten, long recreated) {
	}

	public record QueryLatency(long count, long meanMillis, long maxMillis) {
	}

}
