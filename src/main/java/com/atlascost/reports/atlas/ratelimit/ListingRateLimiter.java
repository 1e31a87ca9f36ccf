package com.atlascost.reports.atlas.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

import com.atlascost.reports.atlas.AtlasProperties;

/**
 * Paces the calls outside the billing bucket (project and cluster listings) at
 * {@code atlas.rate-limit.listings-per-second}: a listing that never ends, or an
 * organization of thousands of projects, cannot flood Atlas. A call waits for its turn
 * without blocking a thread.
 */
public final class ListingRateLimiter implements ExchangeFilterFunction {

	private final boolean enabled;

	private final Bucket bucket;

	public ListingRateLimiter(AtlasProperties.RateLimit limit) {
		this.enabled = limit.enabled();
		int perSecond = limit.listingsPerSecond();
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.enabled || OrganizationRateLimiter.inBucket(request.url().getRawPath())
				|| request.url().getRawPath().endsWith("/oauth/token")) {
			return next.exchange(request);
		}
		return Mono.defer(() -> {
			long waitNanos = this.bucket.consumeIgnoringRateLimits(1);
			Mono<ClientResponse> exchange = Mono.defer(() -> next.exchange(request));
			return (waitNanos <= 0) ? exchange : Mono.delay(Duration.ofNanos(waitNanos)).then(exchange);
		});
	}

}
