package com.atlascost.reports.atlas;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The three retry policies around a call. A 429 is a request to slow down, not a failure:
 * it has its own budget ({@code atlas.rate-limit.max-rate-limited-attempts}). Server
 * errors, network failures and success answers whose body cannot be read are retried with
 * exponential backoff and jitter, a bounded number of times; a create too, after a
 * network failure, since starting a query again costs Atlas one query, never a wrong
 * total. 400, 403 and 404 are never retried; a 401 with a service account drops the
 * bearer token and tries once more with a new one.
 */
final class AtlasRetries {

	private static final Logger logger = LoggerFactory.getLogger(AtlasRetries.class);

	private final AtlasProperties properties;

	private final AtlasMetrics metrics;

	private final @Nullable Mono<Void> forgetToken;

	AtlasRetries(AtlasProperties properties, AtlasMetrics metrics, @Nullable Mono<Void> forgetToken) {
		this.properties = properties;
		this.metrics = metrics;
		this.forgetToken = forgetToken;
	}

	/** One call's attempt with its retries. */
	Mono<AtlasReply> around(Mono<AtlasReply> attempt, AtlasApiCall call) {
		Mono<AtlasReply> retried = attempt.retryWhen(rateLimited(call))
			.retryWhen(transientFailures(call))
			.retryWhen(malformedBodies(call));
		return (this.forgetToken != null) ? retried.retryWhen(newTokenOnce(this.forgetToken)) : retried;
	}

	/**
	 * A {@code Retry-After} within {@code atlas.retry.max-retry-after}: a server asking
	 * for a day is waited the cap, with a warning, so it cannot stall the run.
	 */
	Duration capped(Duration retryAfter, @Nullable String orgId, AtlasApiCall call) {
		Duration cap = this.properties.retry().maxRetryAfter();
		if (retryAfter.compareTo(cap) <= 0) {
			return retryAfter;
		}
		logger.warn("{} for org {} was asked to wait {}s (Retry-After); waiting {}s, atlas.retry.max-retry-after", call,
				orgId, retryAfter.toSeconds(), cap.toSeconds());
		return cap;
	}

	/**
	 * 429s: for calls in an organization's bucket the adaptive pace decides when the call
	 * goes again, so the call simply asks for its next turn; other calls back off, after
	 * {@code Retry-After} when sent.
	 */
	private Retry rateLimited(AtlasApiCall call) {
		AtlasProperties.RateLimit limit = this.properties.rateLimit();
		long retries = Math.max(0, limit.maxRateLimitedAttempts() - 1);
		if (call.billingBucket() && limit.enabled() && limit.adaptive()) {
			return Retry.max(retries)
				.filter(AtlasRetries::isRateLimited)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		}
		AtlasProperties.Retry retry = this.properties.retry();
		return Retry.backoff(retries, retry.minBackoff())
			.maxBackoff(retry.maxBackoff())
			.jitter(0.5)
			.filter(AtlasRetries::isRateLimited)
			.doBeforeRetryAsync((signal) -> waitRetryAfter(signal.failure()))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private RetryBackoffSpec transientFailures(AtlasApiCall call) {
		AtlasProperties.Retry retry = this.properties.retry();
		return Retry.backoff(Math.max(0, retry.maxAttempts() - 1), retry.minBackoff())
			.maxBackoff(retry.maxBackoff())
			.jitter(0.5)
			.filter((ex) -> ex instanceof AtlasApiException atlas && atlas.isTransient() && !isRateLimited(ex))
			.doBeforeRetry((signal) -> {
				this.metrics.retried(call);
				logger.debug("Retrying after {}", signal.failure().getMessage());
			})
			// Retry-After is a floor set by the server: wait it out before the backoff
			.doBeforeRetryAsync((signal) -> waitRetryAfter(signal.failure()))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * A body that is no JSON: a bad answer rather than an outage, tried again at most
	 * twice (fewer when {@code atlas.retry.max-attempts} allows fewer).
	 */
	private Retry malformedBodies(AtlasApiCall call) {
		AtlasProperties.Retry retry = this.properties.retry();
		return Retry
			.backoff(Math.min(AtlasApiException.MALFORMED_BODY_RETRIES, Math.max(0, retry.maxAttempts() - 1)),
					retry.minBackoff())
			.maxBackoff(retry.maxBackoff())
			.jitter(0.5)
			.filter((ex) -> ex instanceof AtlasApiException atlas
					&& AtlasApiException.MALFORMED_BODY.equals(atlas.errorCode()))
			.doBeforeRetry((signal) -> this.metrics.retried(call))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private Mono<Void> waitRetryAfter(Throwable failure) {
		return (failure instanceof AtlasApiException atlas) ? atlas.retryAfter()
			.map((delay) -> Mono.delay(capped(delay, atlas.orgId(), atlas.call())).then())
			.orElse(Mono.empty()) : Mono.empty();
	}

	/**
	 * A 401 on an API call with a bearer token that was still in date for us: Atlas no
	 * longer accepts it, so fetch a new one, once. Digest has no such cure.
	 */
	private static Retry newTokenOnce(Mono<Void> forget) {
		return Retry.max(1)
			.filter((ex) -> ex instanceof AtlasApiException atlas && atlas.status() == 401
					&& atlas.call() != AtlasApiCall.ISSUE_TOKEN)
			.doBeforeRetryAsync((signal) -> forget)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private static boolean isRateLimited(Throwable ex) {
		return ex instanceof AtlasApiException atlas && atlas.status() == 429;
	}

}
