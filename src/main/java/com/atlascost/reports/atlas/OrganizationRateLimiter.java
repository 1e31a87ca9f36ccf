package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

/**
 * Keeps each organization's billing calls (creates and polls share Atlas's bucket) within
 * the published limit, so that a normal run never meets a 429. One Bucket4j token bucket
 * per organization, with greedy refill: Bucket4j is the maintained token-bucket library
 * for the JVM and does the arithmetic (capacity, refill, fractional tokens) exactly;
 * Resilience4j's RateLimiter counts fixed windows and cannot express a burst of 500 on
 * top of 100 a minute, and Reactor has no rate limiter at all.
 * <p>
 * A call reserves its token and waits, without blocking a thread, until the bucket holds
 * it: callers are served in the order they asked, so no organization's queries overtake
 * each other and no organization waits on another's bucket. The filter sits innermost in
 * the chain, after authentication, so the time an OAuth token takes does not count
 * against the bucket, and every retry takes a token of its own.
 */
final class OrganizationRateLimiter implements ExchangeFilterFunction {

	/** Cost Explorer and invoices share one bucket per organization (Atlas's limits). */
	private static final Pattern BILLING_PATH = Pattern.compile("/api/atlas/v2/orgs/([^/]+)/(billing|invoices)(/|$)");

	private final AtlasProperties.RateLimit limit;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	OrganizationRateLimiter(AtlasProperties.RateLimit limit) {
		this.limit = limit;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String orgId = billingOrg(request);
		if (!this.limit.enabled() || orgId == null) {
			return next.exchange(request);
		}
		return Mono.defer(() -> {
			long waitNanos = bucket(orgId).consumeIgnoringRateLimits(1);
			return (waitNanos == 0) ? next.exchange(request)
					: Mono.delay(Duration.ofNanos(waitNanos).plus(this.limit.networkAllowance()))
						.then(next.exchange(request));
		});
	}

	private Bucket bucket(String orgId) {
		return this.buckets.computeIfAbsent(orgId,
				(id) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(this.limit.capacity())
						.refillGreedy(this.limit.refill(), this.limit.period())
						.build())
					.build());
	}

	private static @Nullable String billingOrg(ClientRequest request) {
		Matcher matcher = BILLING_PATH.matcher(request.url().getRawPath());
		return matcher.find() ? matcher.group(1) : null;
	}

}
