package com.atlascost.reports.atlas.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import com.atlascost.reports.atlas.AtlasProperties;

/**
 * One organization's pace: a token bucket (Bucket4j: a burst on top of a refill) that
 * starts as the published bucket and adapts, additive-increase/multiplicative-decrease as
 * TCP does, since Atlas does not tell how much of the bucket other clients take:
 * <ul>
 * <li>a 429 halves the rate (down to 1/64 of the published one) and takes the burst away:
 * the bucket is evidently smaller than published. Calls already waiting for a turn of the
 * old pace ask again. A 429 within one turn of the last halving was sent before it and
 * does not halve again;</li>
 * <li>{@code Retry-After}, when sent, holds every call of the organization until then;
 * </li>
 * <li>every {@value #ANSWERS_PER_STEP} answers without 429 add 1/20 of the published rate
 * back, never past it.</li>
 * </ul>
 */
final class OrganizationPace {

	static final int ANSWERS_PER_STEP = 10;

	private static final double LOWEST_FRACTION = 1.0 / 64;

	private static final double STEP_FRACTION = 1.0 / 20;

	private final AtlasProperties.RateLimit limit;

	private final double publishedRate;

	private LocalBucket bucket;

	/** Changes whenever turns already handed out no longer hold. */
	private long generation;

	private double rate;

	/** The burst: as configured, or what Atlas said its bucket holds. */
	private int capacity;

	private double lowestRate;

	private long lastHalvedNanos;

	private long notBeforeNanos;

	private int answersSinceStep;

	private long rateLimited;

	OrganizationPace(AtlasProperties.RateLimit limit) {
		this.limit = limit;
		this.publishedRate = limit.ratePerSecond();
		this.rate = this.publishedRate;
		this.lowestRate = this.publishedRate;
		this.capacity = limit.capacity();
		this.bucket = Bucket.builder()
			.addLimit(
					Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
			.build();
		this.lastHalvedNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
		this.notBeforeNanos = System.nanoTime();
	}

	/**
	 * Completes when the organization's bucket holds a request for this call; calls are
	 * served in the order they asked. A poll of a usage query races the time Atlas keeps
	 * its token, so it is held a quarter of the network allowance on top of its wait: a
	 * 429 costs it one more turn, a late poll costs the whole query. Once a 429 slowed
	 * the organization down no call is held the allowance: the pace is then below the
	 * bucket's, and the allowance would only waste turns.
	 */
	Mono<Void> turn(boolean poll) {
		return Mono.defer(() -> {
			long generation;
			long waitNanos;
			Duration allowance;
			synchronized (this) {
				// once a 429 slowed the pace below the bucket's, the allowance only
				// wastes turns
				allowance = (this.rateLimited > 0) ? Duration.ZERO
						: poll ? this.limit.networkAllowance().dividedBy(4) : this.limit.networkAllowance();
				generation = this.generation;
				waitNanos = Math.max(this.bucket.consumeIgnoringRateLimits(1), this.notBeforeNanos - System.nanoTime());
			}
			if (waitNanos <= 0) {
				return Mono.empty();
			}
			return Mono.delay(Duration.ofNanos(waitNanos).plus(allowance))
				.then(Mono.defer(() -> isCurrent(generation) ? Mono.<Void>empty() : turn(poll)));
		});
	}

	/**
	 * Atlas said the bucket holds {@code size} requests, fewer than configured: the burst
	 * shrinks to it (once; a slowed pace has no burst left to shrink).
	 * @return whether it shrank
	 */
	synchronized boolean bucketSize(int size) {
		if (size >= this.capacity || this.rateLimited > 0) {
			return false;
		}
		this.capacity = size;
		long available = Math.min(size, this.bucket.getAvailableTokens());
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(size)
				.refillGreedy(this.limit.refill(), this.limit.period())
				.initialTokens(Math.max(0, available))
				.build())
			.build();
		this.generation++;
		return true;
	}

	synchronized int capacity() {
		return this.capacity;
	}

	synchronized void rateLimited(@Nullable Duration retryAfter) {
		this.rateLimited++;
		this.answersSinceStep = 0;
		long now = System.nanoTime();
		if (retryAfter != null && now + retryAfter.toNanos() > this.notBeforeNanos) {
			this.notBeforeNanos = now + retryAfter.toNanos();
			this.generation++;
		}
		if (now - this.lastHalvedNanos < oneTurnNanos()) {
			return;
		}
		this.rate = Math.max(this.publishedRate * LOWEST_FRACTION, this.rate / 2);
		this.lowestRate = Math.min(this.lowestRate, this.rate);
		this.lastHalvedNanos = now;
		// no tokens: the bucket at Atlas is empty, that is what the 429 said
		this.bucket = Bucket.builder().addLimit(slowed(this.rate).initialTokens(0).build()).build();
		this.generation++;
	}

	/** A 429 counted without adapting ({@code atlas.rate-limit.adaptive=false}). */
	synchronized void count429() {
		this.rateLimited++;
	}

	synchronized void answered() {
		if (this.rateLimited == 0 || this.rate >= this.publishedRate || ++this.answersSinceStep < ANSWERS_PER_STEP) {
			return;
		}
		this.answersSinceStep = 0;
		this.rate = Math.min(this.publishedRate, this.rate + this.publishedRate * STEP_FRACTION);
		// turns already handed out were slower: they stand, later ones come sooner
		this.bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(slowed(this.rate).build()).build(),
				TokensInheritanceStrategy.AS_IS);
	}

	/** The pace now, requests per second. */
	synchronized double rate() {
		return this.rate;
	}

	synchronized OrganizationSlowdown report() {
		return new OrganizationSlowdown(this.rateLimited, this.publishedRate, this.lowestRate, this.rate);
	}

	private synchronized boolean isCurrent(long generation) {
		return this.generation == generation;
	}

	/** A 429 this soon after halving answers a call sent at the old pace. */
	private long oneTurnNanos() {
		return (long) (1e9 / this.rate) + this.limit.networkAllowance().toNanos() + Duration.ofSeconds(1).toNanos();
	}

	/** One request at a time, no burst: the burst is what the bucket lacks. */
	private static io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage slowed(double ratePerSecond) {
		return Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(Math.round(1e9 / ratePerSecond)));
	}

}
