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
 * @param hostile answers a broken proxy or an attacker would give (see {@link Hostile})
 */
public record SandboxSettings(Duration processingDelay, Duration processingDelayMax, int defaultItemsPerPage,
		Duration tokenLifetime, Duration nonceLifetime, List<Integer> injectedFailures, Clock clock,
		RateLimit rateLimit, Faults faults, @Nullable Duration queryTokenLifetime, int forgottenTokens,
		boolean namedUsageRows, Hostile hostile) {

	public SandboxSettings {
		injectedFailures = List.copyOf(injectedFailures);
		if (processingDelayMax.compareTo(processingDelay) < 0) {
			processingDelayMax = processingDelay;
		}
	}

	public static SandboxSettings defaults() {
		return new SandboxSettings(Duration.ofMillis(300), Duration.ofMillis(300), 100, Duration.ofHours(1),
				Duration.ofMinutes(5), List.of(), Clock.systemUTC(), RateLimit.published(), Faults.none(), null, 0,
				true, Hostile.none());
	}

	public SandboxSettings withProcessingDelay(Duration delay) {
		return withProcessingDelay(delay, delay);
	}

	/** Each query runs for a time drawn between {@code min} and {@code max}. */
	public SandboxSettings withProcessingDelay(Duration min, Duration max) {
		return new SandboxSettings(min, max, this.defaultItemsPerPage, this.tokenLifetime, this.nonceLifetime,
				this.injectedFailures, this.clock, this.rateLimit, this.faults, this.queryTokenLifetime,
				this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withInjectedFailures(Integer... statuses) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, List.of(statuses), this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withTokenLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage, lifetime,
				this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withNonceLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, lifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withClock(Clock clock) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withRateLimit(RateLimit rateLimit) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withFaults(Faults faults) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withQueryTokenLifetime(@Nullable Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				lifetime, this.forgottenTokens, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withForgottenTokens(int count) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, count, this.namedUsageRows, this.hostile);
	}

	public SandboxSettings withNamedUsageRows(boolean named) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, named, this.hostile);
	}

	public SandboxSettings withHostile(Hostile hostile) {
		return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.defaultItemsPerPage,
				this.tokenLifetime, this.nonceLifetime, this.injectedFailures, this.clock, this.rateLimit, this.faults,
				this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows, hostile);
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

	/**
	 * What a broken proxy or a hostile server answers instead of the specification, so
	 * that the client's checks and bounds are tried on the real HTTP path. Answer faults
	 * hit the usage answers of {@code organizations} (all when empty); the drip, the
	 * endless listing and the {@code Retry-After} hit every call.
	 *
	 * @param answer what is wrong with a finished query's {@code 200}
	 * @param extraRows rows of {@code 0.001} added to each usage answer (huge answers)
	 * @param paddingBytes an unknown field of that many bytes added to each usage answer
	 * @param dripInterval when set, every JSON answer is sent one byte per interval
	 * @param endlessPaging listings whose {@code totalCount} grows by one per page
	 * @param retryAfterSeconds the {@code Retry-After} of injected 429s (1 unless set)
	 * @param organizations the organizations whose usage answers are broken; empty for
	 * all
	 */
	public record Hostile(AnswerFault answer, int extraRows, int paddingBytes, @Nullable Duration dripInterval,
			boolean endlessPaging, long retryAfterSeconds, Set<String> organizations) {

		public Hostile {
			organizations = Set.copyOf(organizations);
		}

		public static Hostile none() {
			return new Hostile(AnswerFault.NONE, 0, 0, null, false, 1, Set.of());
		}

		public Hostile withAnswer(AnswerFault fault, String... orgs) {
			return new Hostile(fault, this.extraRows, this.paddingBytes, this.dripInterval, this.endlessPaging,
					this.retryAfterSeconds, Set.of(orgs));
		}

		public Hostile withExtraRows(int rows) {
			return new Hostile(this.answer, rows, this.paddingBytes, this.dripInterval, this.endlessPaging,
					this.retryAfterSeconds, this.organizations);
		}

		public Hostile withPaddingBytes(int bytes) {
			return new Hostile(this.answer, this.extraRows, bytes, this.dripInterval, this.endlessPaging,
					this.retryAfterSeconds, this.organizations);
		}

		public Hostile withDrip(Duration interval) {
			return new Hostile(this.answer, this.extraRows, this.paddingBytes, interval, this.endlessPaging,
					this.retryAfterSeconds, this.organizations);
		}

		public Hostile withEndlessPaging() {
			return new Hostile(this.answer, this.extraRows, this.paddingBytes, this.dripInterval, true,
					this.retryAfterSeconds, this.organizations);
		}

		public Hostile withRetryAfterSeconds(long seconds) {
			return new Hostile(this.answer, this.extraRows, this.paddingBytes, this.dripInterval, this.endlessPaging,
					seconds, this.organizations);
		}

		boolean hits(String orgId) {
			return this.organizations.isEmpty() || this.organizations.contains(orgId);
		}

	}

	/** What is wrong with a finished usage query's answer. */
	public enum AnswerFault {

		/** Nothing: the specification's answer. */
		NONE,

		/** {@code 200} with {@code {}}: no {@code usageDetails}. */
		MISSING_DETAILS,

		/** {@code 200} with the list under another name ({@code usageDetail}). */
		RENAMED_DETAILS,

		/** {@code 200} with an empty body. */
		EMPTY_BODY,

		/** The first row's amount is {@code "12,50"}. */
		UNPARSEABLE_AMOUNT,

		/** The first row's date is {@code "yesterday"}. */
		UNPARSEABLE_DATE,

		/** A row of an organization the query did not ask for is added. */
		FOREIGN_ROWS,

		/** A row dated the first day after the query's window is added. */
		OUTSIDE_WINDOW,

		/**
		 * Rows with more decimals than cents are added, copies of the first row: 3 of
		 * 0.005, one of 1.234567 and 200 of 0.004 (2.049567 in all; 1.26 when rounded row
		 * by row).
		 */
		SUB_CENT_AMOUNTS,

		/** Every name (organization, project, cluster) is 40,000 characters long. */
		LONG_NAMES

	}

}
