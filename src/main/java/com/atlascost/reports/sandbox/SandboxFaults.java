package com.atlascost.reports.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;

/**
 * What can go wrong with a call, besides its own checks: the organization's rate limit
 * (429 {@code RATE_LIMITED}), failures the sandbox was told to inject, and random faults
 * of {@link SandboxSettings.Faults}.
 */
final class SandboxFaults {

	private final SandboxSettings settings;

	private final SandboxCounters counters;

	private final SandboxDraws draws;

	private final Queue<Integer> injectedFailures;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	SandboxFaults(SandboxSettings settings, SandboxCounters counters, SandboxDraws draws) {
		this.settings = settings;
		this.counters = counters;
		this.draws = draws;
		this.injectedFailures = new ConcurrentLinkedQueue<>(settings.injectedFailures());
	}

	/**
	 * Takes a request from the organization's bucket, or answers 429; either way with the
	 * {@code RateLimit-Limit} and {@code RateLimit-Remaining} headers Atlas sends.
	 */
	Limited rateLimit(@Nullable String orgId) {
		SandboxSettings.RateLimit limit = this.settings.rateLimit();
		if (!limit.enabled() || orgId == null) {
			return new Limited(null, Map.of());
		}
		Bucket bucket = this.buckets.computeIfAbsent(orgId,
				(id) -> Bucket.builder().addLimit(bandwidth(limit, this.settings.sharedBucket(), id)).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		Map<String, String> headers = Map.of("RateLimit-Limit", String.valueOf(limit.capacity()), "RateLimit-Remaining",
				String.valueOf(probe.getRemainingTokens()));
		if (probe.isConsumed()) {
			this.counters.bucketGranted(orgId);
			return new Limited(null, headers);
		}
		SandboxAnswer limited = SandboxAnswer
			.error(429, "RATE_LIMITED", "Too Many Requests",
					"You have exceeded the rate limit of " + limit.capacity() + " requests, refilled at "
							+ limit.refill() + " per " + limit.period().toSeconds() + " seconds.")
			.withHeaders(headers);
		if (!limit.retryAfter()) {
			return new Limited(limited, headers);
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return new Limited(limited.withHeader("Retry-After", String.valueOf(seconds)), headers);
	}

	/**
	 * The next failure the sandbox was told to inject, if any is left and the operation
	 * is the one they are for.
	 */
	Optional<SandboxAnswer> injected(SandboxOperation operation) {
		String on = this.settings.injectedFailuresOn();
		if (on != null && !on.equals(operation.operationId())) {
			return Optional.empty();
		}
		Integer injected = this.injectedFailures.poll();
		if (injected == null) {
			return Optional.empty();
		}
		SandboxAnswer failure = SandboxAnswer.error(injected,
				(injected == 429) ? "RATE_LIMITED" : (injected == 401) ? "UNAUTHORIZED" : "UNEXPECTED_ERROR",
				"Injected", "A failure the sandbox was told to inject.");
		return Optional.of((injected == 429)
				? failure.withHeader("Retry-After", String.valueOf(this.settings.faults().retryAfter().toSeconds()))
				: failure);
	}

	/** The random fault of this call of the organization, mostly none. */
	SandboxFault draw(@Nullable String orgId) {
		SandboxSettings.Faults faults = this.settings.faults();
		if (orgId == null || !faults.hits(orgId)) {
			return SandboxFault.NONE;
		}
		double draw = this.draws.next();
		SandboxFault fault = SandboxFault.NONE;
		double bound = 0;
		double[] probabilities = { faults.serverError(), faults.unavailable(), faults.droppedConnection(),
				faults.truncatedBody(), faults.slowAnswer() };
		SandboxFault[] kinds = { SandboxFault.SERVER_ERROR, SandboxFault.UNAVAILABLE, SandboxFault.DROPPED,
				SandboxFault.TRUNCATED, SandboxFault.SLOW };
		for (int i = 0; i < kinds.length && fault == SandboxFault.NONE; i++) {
			bound += probabilities[i];
			if (draw < bound) {
				fault = kinds[i];
			}
		}
		if (fault != SandboxFault.NONE) {
			this.counters.faultInjected(fault.label());
		}
		return fault;
	}

	/** A bucket's verdict: the 429 when it was empty, and the headers to send. */
	record Limited(@Nullable SandboxAnswer refusal, Map<String, String> headers) {
	}

	/**
	 * The organization's bucket. Another client (a CLI, Terraform) taking requests from
	 * it steadily leaves the job the refill less its rate: what its requests and ours add
	 * up to at the bucket, over time.
	 */
	private static Bandwidth bandwidth(SandboxSettings.RateLimit limit, SandboxSettings.SharedBucket shared,
			String orgId) {
		if (!shared.shares(orgId)) {
			return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build();
		}
		double refillPerSecond = limit.refill() * 1e9 / limit.period().toNanos();
		// one request an hour when the other client takes it all
		double leftPerSecond = Math.max(1.0 / 3600, refillPerSecond - shared.otherClientRate());
		return Bandwidth.builder()
			.capacity(limit.capacity())
			.refillGreedy(1, Duration.ofNanos(Math.round(1e9 / leftPerSecond)))
			.build();
	}

}
