package com.atlascost.reports.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How the sandbox behaves. Tests build these with the {@code with...} methods;
 * {@code --sandbox} builds them from {@link SandboxProperties}.
 *
 * @param processingDelay the shortest time a usage query "runs": polls answer 102 until
 * it passed
 * @param processingDelayMax the longest; each query draws its time from the range
 * (seeded, see {@link Faults#seed()})
 * @param defaultItemsPerPage page size of lists when the caller sends none (Atlas: 100)
 * @param tokenLifetime lifetime of issued OAuth tokens ({@code expires_in})
 * @param nonceLifetime how long a Digest nonce is accepted before it is reported stale
 * @param injectedFailures statuses the first API calls answer, in order, before the
 * sandbox behaves (429 comes with {@code Retry-After: 1}; 401 as a refused bearer token);
 * for retry tests
 * @param clock today's date decides which month is open (only the data uses it; lifetimes
 * and delays run on real time)
 * @param rateLimit the per-organization bucket of the billing endpoints
 * @param faults failures injected at random
 * @param queryTokenLifetime how long Atlas remembers a usage query's token; {@code null}
 * for as long as the sandbox runs
 * @param forgottenTokens how many of the first usage query tokens the sandbox forgets at
 * their second poll (mid-poll, answering 404), as if Atlas had lost them
 * @param namedUsageRows whether usage rows carry project and cluster names ({@code false}
 * leaves only the ids, as some Atlas answers do)
 */
public record SandboxSettings(Duration processingDelay, Duration processingDelayMax, int defaultItemsPerPage,
		Duration tokenLifetime, Duration nonceLifetime, List<Integer> injectedFailures, Clock clock,
		RateLimit rateLimit, Faults faults, @Nullable Duration queryTokenLifetime, int forgottenTokens,
		boolean namedUsageRows) {

	public SandboxSettings {
		injectedFailures = List.copyOf(injectedFailures);
		if (processingDelayMax.compareTo(processingDelay) < 0) {
			processingDelayMax = processingDelay;
		}
	}

	public static SandboxSettings defaults() {
		return new SandboxSettings(Duration.ofMillis(300), Duration.ofMillis(300), 100, Duration.ofHours(1),
				Duration.ofMinutes(5), List.of(), Clock.systemUTC(), RateLimit.published(), Faults.none(), null, 0,
				true);
	}

	public SandboxSettings withProcessingDelay(Duration delay) {
		return withProcessingDelay(delay, delay);
	}

	/** Each query runs for a time drawn between {@code min} and {@code max}. */
	public SandboxSettings withProcessingDelay(Duration min, Duration max) {
		return new SandboxSettings(min, max, this.defaultItemsPerPage, this.tokenLifetime, this.nonceLifetime,
				this.injectedFailures, this.clock, this.rateLimit, this.faults, this.queryTokenLifetime,
				this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withInjectedFailures(Integer... statuses) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, List.of(statuses), this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withTokenLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage, lifetime,
				this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withNonceLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, lifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withClock(Clock clock) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withRateLimit(RateLimit rateLimit) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withFaults(Faults faults) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withQueryTokenLifetime(@Nullable Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				lifetime, this.forgottenTokens, this.namedUsageRows);
	}

	public SandboxSettings withForgottenTokens(int count) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, count, this.namedUsageRows);
	}

	public SandboxSettings withNamedUsageRows(boolean named) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, named);
	}

	/**
	 * One bucket per organization for its create and poll calls, as Atlas publishes it
	 * for the Cost Explorer: a call finding it empty gets 429 {@code RATE_LIMITED}.
	 *
	 * @param enabled whether the sandbox limits at all
	 * @param capacity requests the bucket holds
	 * @param refill requests added per period, continuously
	 * @param period the refill period
	 * @param retryAfter whether a 429 says in {@code Retry-After} when a request fits
	 * again
	 * @param otherClientRate requests per second another client (a CLI, Terraform) takes
	 * from the bucket of each organization it shares: the bucket the job sees is smaller
	 * than the one it counts on
	 * @param sharedWith the organizations whose bucket is shared that way; empty for all
	 */
	public record RateLimit(boolean enabled, int capacity, int refill, Duration period, boolean retryAfter,
			double otherClientRate, Set<String> sharedWith) {

		public RateLimit {
			sharedWith = Set.copyOf(sharedWith);
			if (otherClientRate < 0) {
				throw new IllegalArgumentException("the other client's rate must be at least 0");
			}
		}

		public RateLimit(boolean enabled, int capacity, int refill, Duration period, boolean retryAfter) {
			this(enabled, capacity, refill, period, retryAfter, 0, Set.of());
		}

		/** Atlas's published bucket: 500 requests, refilled at 100 a minute. */
		public static RateLimit published() {
			return new RateLimit(true, 500, 100, Duration.ofSeconds(60), true);
		}

		public static RateLimit of(int capacity, int refill, Duration period) {
			return new RateLimit(true, capacity, refill, period, true);
		}

		public static RateLimit off() {
			return new RateLimit(false, 500, 100, Duration.ofSeconds(60), true);
		}

		public RateLimit withoutRetryAfter() {
			return new RateLimit(this.enabled, this.capacity, this.refill, this.period, false, this.otherClientRate,
					this.sharedWith);
		}

		/**
		 * The bucket shared with another client taking {@code ratePerSecond} of it, for
		 * these organizations (all when none are given).
		 */
		public RateLimit sharedWithAnotherClient(double ratePerSecond, String... organizations) {
			return new RateLimit(this.enabled, this.capacity, this.refill, this.period, this.retryAfter, ratePerSecond,
					Set.of(organizations));
		}

		boolean shares(String orgId) {
			return this.otherClientRate > 0 && (this.sharedWith.isEmpty() || this.sharedWith.contains(orgId));
		}

	}

	/**
	 * Failures injected at random into API calls (after authentication and the rate
	 * limit), each with its probability per call. Faults before processing (500, 503, a
	 * dropped connection) leave no trace; a truncated or slow answer comes after the call
	 * was processed, so a truncated create loses its token.
	 *
	 * @param serverError probability of a 500 {@code UNEXPECTED_ERROR}
	 * @param unavailable probability of a 503 {@code SERVICE_UNAVAILABLE}
	 * @param droppedConnection probability that the connection is closed without answer
	 * @param truncatedBody probability that the answer's JSON is cut in half
	 * @param slowAnswer probability that the answer waits {@code slowDelay} first
	 * @param slowDelay how long a slow answer waits
	 * @param seed seeds the draws (faults and processing times) for repeatable runs
	 * @param organizations the organizations faults hit; empty for all
	 */
	public record Faults(double serverError, double unavailable, double droppedConnection, double truncatedBody,
			double slowAnswer, Duration slowDelay, long seed, Set<String> organizations) {

		public Faults {
			organizations = Set.copyOf(organizations);
			double sum = serverError + unavailable + droppedConnection + truncatedBody + slowAnswer;
			if (serverError < 0 || unavailable < 0 || droppedConnection < 0 || truncatedBody < 0 || slowAnswer < 0
					|| sum > 1.0 + 1e-9) {
				throw new IllegalArgumentException("fault probabilities must be at least 0 and add up to at most 1");
			}
		}

		public static Faults none() {
			return new Faults(0, 0, 0, 0, 0, Duration.ofSeconds(2), 42, Set.of());
		}

		public Faults onlyFor(String... organizations) {
			return new Faults(this.serverError, this.unavailable, this.droppedConnection, this.truncatedBody,
					this.slowAnswer, this.slowDelay, this.seed, Set.of(organizations));
		}

		boolean hits(String orgId) {
			return this.organizations.isEmpty() || this.organizations.contains(orgId);
		}

	}

}
