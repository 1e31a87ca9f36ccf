package com.atlascost.reports.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox behaves: bound from {@code sandbox.*} for {@code --sandbox} demos, and
 * built by tests with {@link #builder()} from the same defaults.
 *
 * @param processingDelay the shortest time a usage query "runs": polls answer 102 until
 * it passed
 * @param processingDelayMax the longest; each query draws its time from the range
 * (seeded, see {@link Faults#seed()})
 * @param auth how the client started by {@code --sandbox} authenticates
 * @param defaultItemsPerPage page size of lists when the caller sends none (Atlas: 100)
 * @param tokenLifetime lifetime of issued OAuth tokens ({@code expires_in})
 * @param nonceLifetime how long a Digest nonce is accepted before it is reported stale
 * @param injectedFailures statuses the first API calls answer, in order, before the
 * sandbox behaves (429 comes with {@code Retry-After}; 401 as a refused bearer token);
 * for retry tests and fault demos
 * @param injectedFailuresOn the operation id whose calls get them
 * ({@code createCostExplorerQueryProcess}); any operation's when unset
 * @param clock today's date decides which month is open, and token lifetimes run on it
 * (processing delays run on real time); not a property
 * @param rateLimit the per-organization bucket of the billing endpoints
 * @param sharedBucket another client drawing from the organizations' buckets
 * @param faults failures and broken answers injected
 * @param queryTokenLifetime how long Atlas remembers a usage query's token; {@code null}
 * for as long as the sandbox runs
 * @param forgottenTokens how many of the first usage query tokens the sandbox forgets at
 * their second poll (mid-poll, answering 404), as if Atlas had lost them
 * @param namedUsageRows whether usage rows carry project and cluster names ({@code false}
 * leaves only the ids, as some Atlas answers do)
 */
@ConfigurationProperties("sandbox")
public record SandboxSettings(Duration processingDelay, Duration processingDelayMax, Auth auth, int defaultItemsPerPage,
		Duration tokenLifetime, Duration nonceLifetime, List<Integer> injectedFailures,
		@Nullable String injectedFailuresOn, Clock clock, RateLimit rateLimit, SharedBucket sharedBucket, Faults faults,
		@Nullable Duration queryTokenLifetime, int forgottenTokens, boolean namedUsageRows) {

	public SandboxSettings {
		injectedFailures = List.copyOf(injectedFailures);
	}

	/** The settings as bound, on the system clock; no maximum means no spread. */
	@ConstructorBinding
	public SandboxSettings(@DefaultValue("300ms") Duration processingDelay, @Nullable Duration processingDelayMax,
			@DefaultValue("service-account") Auth auth, @DefaultValue("100") int defaultItemsPerPage,
			@DefaultValue("1h") Duration tokenLifetime, @DefaultValue("5m") Duration nonceLifetime,
			@DefaultValue List<Integer> injectedFailures, @Nullable String injectedFailuresOn,
			@DefaultValue RateLimit rateLimit, @DefaultValue SharedBucket sharedBucket, @DefaultValue Faults faults,
			@Nullable Duration queryTokenLifetime, @DefaultValue("0") int forgottenTokens,
			@DefaultValue("true") boolean namedUsageRows) {
		this(processingDelay,
				(processingDelayMax != null && processingDelayMax.compareTo(processingDelay) > 0) ? processingDelayMax
						: processingDelay,
				auth, defaultItemsPerPage, tokenLifetime, nonceLifetime, injectedFailures, injectedFailuresOn,
				Clock.systemUTC(), rateLimit, sharedBucket, faults, queryTokenLifetime, forgottenTokens,
				namedUsageRows);
	}

	/**
	 * The defaults of every setting, as {@code --sandbox} binds them without properties.
	 */
	public static SandboxSettings defaults() {
		return new Binder().bindOrCreate("sandbox", SandboxSettings.class);
	}

	/** The defaults, to change some of them. */
	public static Builder builder() {
		return defaults().toBuilder();
	}

	/** These settings, to change some of them. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Settings for tests, from other settings with some changed; those only properties
	 * set (auth, page size, forgotten tokens, named rows) are kept.
	 */
	public static final class Builder {

		private Duration processingDelay;

		private Duration processingDelayMax;

		private final Auth auth;

		private final int defaultItemsPerPage;

		private Duration tokenLifetime;

		private Duration nonceLifetime;

		private List<Integer> injectedFailures;

		private final @Nullable String injectedFailuresOn;

		private Clock clock;

		private RateLimit rateLimit;

		private SharedBucket sharedBucket;

		private Faults faults;

		private @Nullable Duration queryTokenLifetime;

		private final int forgottenTokens;

		private final boolean namedUsageRows;

		private Builder(SandboxSettings settings) {
			this.processingDelay = settings.processingDelay;
			this.processingDelayMax = settings.processingDelayMax;
			this.auth = settings.auth;
			this.defaultItemsPerPage = settings.defaultItemsPerPage;
			this.tokenLifetime = settings.tokenLifetime;
			this.nonceLifetime = settings.nonceLifetime;
			this.injectedFailures = settings.injectedFailures;
			this.injectedFailuresOn = settings.injectedFailuresOn;
			this.clock = settings.clock;
			this.rateLimit = settings.rateLimit;
			this.sharedBucket = settings.sharedBucket;
			this.faults = settings.faults;
			this.queryTokenLifetime = settings.queryTokenLifetime;
			this.forgottenTokens = settings.forgottenTokens;
			this.namedUsageRows = settings.namedUsageRows;
		}

		public Builder processingDelay(Duration delay) {
			return processingDelay(delay, delay);
		}

		/** Each query runs for a time drawn between {@code min} and {@code max}. */
		public Builder processingDelay(Duration min, Duration max) {
			this.processingDelay = min;
			this.processingDelayMax = (max.compareTo(min) < 0) ? min : max;
			return this;
		}

		public Builder injectedFailures(Integer... statuses) {
			this.injectedFailures = List.of(statuses);
			return this;
		}

		public Builder tokenLifetime(Duration lifetime) {
			this.tokenLifetime = lifetime;
			return this;
		}

		public Builder nonceLifetime(Duration lifetime) {
			this.nonceLifetime = lifetime;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder rateLimit(RateLimit rateLimit) {
			this.rateLimit = rateLimit;
			return this;
		}

		public Builder sharedBucket(SharedBucket sharedBucket) {
			this.sharedBucket = sharedBucket;
			return this;
		}

		public Builder faults(Faults faults) {
			this.faults = faults;
			return this;
		}

		public Builder queryTokenLifetime(@Nullable Duration lifetime) {
			this.queryTokenLifetime = lifetime;
			return this;
		}

		public SandboxSettings build() {
			return new SandboxSettings(this.processingDelay, this.processingDelayMax, this.auth,
					this.defaultItemsPerPage, this.tokenLifetime, this.nonceLifetime, this.injectedFailures,
					this.injectedFailuresOn, this.clock, this.rateLimit, this.sharedBucket, this.faults,
					this.queryTokenLifetime, this.forgottenTokens, this.namedUsageRows);
		}

	}

	public enum Auth {

		/** OAuth 2.0 client credentials, as Atlas recommends. */
		SERVICE_ACCOUNT,

		/** An API key pair over HTTP Digest. */
		DIGEST

	}

	/**
	 * One bucket per organization for its create and poll calls, as Atlas publishes it
	 * for the Cost Explorer: a call finding it empty gets 429 {@code RATE_LIMITED}.
	 *
	 * @param enabled whether the sandbox limits at all
	 * @param capacity requests the bucket holds
	 * @param refill requests added per period, continuously
	 * @param period the refill period
	 * @param retryAfter whether a 429 says when to try again ({@code Retry-After})
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("500") int capacity,
			@DefaultValue("100") int refill, @DefaultValue("60s") Duration period,
			@DefaultValue("true") boolean retryAfter) {

		/** Atlas's published bucket: 500 requests, refilled at 100 a minute. */
		public static RateLimit published() {
			return new RateLimit(true, 500, 100, Duration.ofSeconds(60), true);
		}

		public static RateLimit of(int capacity, int refill, Duration period) {
			return new RateLimit(true, capacity, refill, period, true);
		}

		public RateLimit withoutRetryAfter() {
			return new RateLimit(this.enabled, this.capacity, this.refill, this.period, false);
		}

	}

	/**
	 * Another client (the Atlas CLI, Terraform, a second job) drawing from the same
	 * buckets, so that the bucket the job sees is smaller than the one it counts on.
	 *
	 * @param otherClientRate requests per second it takes from each bucket it shares
	 * @param organizations the organizations whose bucket it shares; empty for all
	 */
	public record SharedBucket(@DefaultValue("0") double otherClientRate, @DefaultValue Set<String> organizations) {

		public SharedBucket {
			organizations = Set.copyOf(organizations);
			if (otherClientRate < 0) {
				throw new IllegalArgumentException("the other client's rate must be at least 0");
			}
		}

		public static SharedBucket of(double otherClientRate, String... organizations) {
			return new SharedBucket(otherClientRate, Set.of(organizations));
		}

		boolean shares(String orgId) {
			return this.otherClientRate > 0 && (this.organizations.isEmpty() || this.organizations.contains(orgId));
		}

	}

	/**
	 * Failures injected at random into API calls (after authentication and the rate
	 * limit), each with its probability per call, and answers a broken proxy or a hostile
	 * server would give, so that the client's checks and bounds are tried on the real
	 * HTTP path. Faults before processing (500, 503, a dropped connection) leave no
	 * trace; a truncated or slow answer comes after the call was processed, so a
	 * truncated create loses its token. Random faults and broken usage answers hit
	 * {@code organizations} (all when empty); the drip, the endless listing and the
	 * {@code Retry-After} hit every call.
	 *
	 * @param serverError probability of a 500 {@code UNEXPECTED_ERROR}
	 * @param unavailable probability of a 503 {@code SERVICE_UNAVAILABLE}
	 * @param droppedConnection probability that the connection is closed without answer
	 * @param truncatedBody probability that the answer's JSON is cut in half
	 * @param slowAnswer probability that the answer waits {@code slowDelay} first
	 * @param slowDelay how long a slow answer waits
	 * @param seed seeds the draws (faults and processing times) for repeatable runs
	 * @param organizations the organizations faults hit; empty for all
	 * @param answer what is wrong with a finished query's {@code 200}
	 * @param extraRows rows of {@code 0.001} added to each usage answer (huge answers)
	 * @param paddingBytes an unknown field of that many bytes added to each usage answer
	 * @param dripInterval when set, every JSON answer is sent one byte per interval
	 * @param endlessPaging listings of full pages whose {@code totalCount} grows by one
	 * per page
	 * @param retryAfter the {@code Retry-After} of injected 429s
	 */
	public record Faults(@DefaultValue("0") double serverError, @DefaultValue("0") double unavailable,
			@DefaultValue("0") double droppedConnection, @DefaultValue("0") double truncatedBody,
			@DefaultValue("0") double slowAnswer, @DefaultValue("2s") Duration slowDelay, @DefaultValue("42") long seed,
			@DefaultValue Set<String> organizations, @DefaultValue("none") AnswerFault answer,
			@DefaultValue("0") int extraRows, @DefaultValue("0") int paddingBytes, @Nullable Duration dripInterval,
			@DefaultValue("false") boolean endlessPaging, @DefaultValue("1s") Duration retryAfter) {

		public Faults {
			organizations = Set.copyOf(organizations);
			double sum = serverError + unavailable + droppedConnection + truncatedBody + slowAnswer;
			if (serverError < 0 || unavailable < 0 || droppedConnection < 0 || truncatedBody < 0 || slowAnswer < 0
					|| sum > 1.0 + 1e-9) {
				throw new IllegalArgumentException("fault probabilities must be at least 0 and add up to at most 1");
			}
		}

		public static Faults none() {
			return random(0, 0, 0, 0, 0, Duration.ofSeconds(2), 42);
		}

		/** Random failures with these probabilities, for every organization. */
		public static Faults random(double serverError, double unavailable, double droppedConnection,
				double truncatedBody, double slowAnswer, Duration slowDelay, long seed) {
			return new Faults(serverError, unavailable, droppedConnection, truncatedBody, slowAnswer, slowDelay, seed,
					Set.of(), AnswerFault.NONE, 0, 0, null, false, Duration.ofSeconds(1));
		}

		public Faults withPaddingBytes(int bytes) {
			return new Faults(this.serverError, this.unavailable, this.droppedConnection, this.truncatedBody,
					this.slowAnswer, this.slowDelay, this.seed, this.organizations, this.answer, this.extraRows, bytes,
					this.dripInterval, this.endlessPaging, this.retryAfter);
		}

		public Faults withDrip(Duration interval) {
			return new Faults(this.serverError, this.unavailable, this.droppedConnection, this.truncatedBody,
					this.slowAnswer, this.slowDelay, this.seed, this.organizations, this.answer, this.extraRows,
					this.paddingBytes, interval, this.endlessPaging, this.retryAfter);
		}

		public Faults withEndlessPaging() {
			return new Faults(this.serverError, this.unavailable, this.droppedConnection, this.truncatedBody,
					this.slowAnswer, this.slowDelay, this.seed, this.organizations, this.answer, this.extraRows,
					this.paddingBytes, this.dripInterval, true, this.retryAfter);
		}

		public Faults withRetryAfter(Duration retryAfter) {
			return new Faults(this.serverError, this.unavailable, this.droppedConnection, this.truncatedBody,
					this.slowAnswer, this.slowDelay, this.seed, this.organizations, this.answer, this.extraRows,
					this.paddingBytes, this.dripInterval, this.endlessPaging, retryAfter);
		}

		boolean hits(String orgId) {
			return this.organizations.isEmpty() || this.organizations.contains(orgId);
		}

	}

}
