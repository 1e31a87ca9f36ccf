package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the client talks to Atlas.
 *
 * @param baseUrl scheme, host and port of the Atlas Administration API
 * @param apiVersion deprecated: the Cost Explorer operations' version only (a warning
 * says so); use {@code apiVersions}
 * @param envelope ask for {@code envelope=true} answers, which carry the status in the
 * body and so never expose the client to a raw {@code 102} status line (the JDK's
 * HttpClient, for one, waits forever after a final 102; Reactor Netty copes, see
 * {@code FinalInformationalResponseHandler})
 * @param itemsPerPage page size for paginated lists (Atlas allows at most 500)
 * @param polling how usage queries are polled
 * @param retry how transient failures are retried (5xx, timeouts, resets, cut bodies)
 * @param timeouts network timeouts; a response timeout always applies, so nothing hangs
 * @param rateLimit the client-side bucket per organization
 * @param apiVersions per operation id
 * ({@code atlas.api-versions.listClusters=2024-08-05}), overriding the specification's
 * versions (see {@link AtlasApiVersions})
 * @param maxAnswerSize the largest answer read into memory: a usage answer of about
 * 180,000 rows; a larger one fails its call with {@code ANSWER_TOO_LARGE} (a 50 MB body
 * is refused rather than risk the heap)
 * @param listingDeadline the longest one listing (projects, clusters, Flex clusters,
 * invoices) may take, every page and retry included: a server handing out pages for ever
 * fails the listing, naming it, instead of holding the run
 */
@ConfigurationProperties("atlas")
@Validated
public record AtlasProperties(@DefaultValue("https://cloud.mongodb.com") String baseUrl, @Nullable String apiVersion,
		@DefaultValue("true") boolean envelope,
		@DefaultValue("500") @Min(value = 1, message = "must be between 1 and 500") @Max(value = 500,
				message = "must be between 1 and 500") int itemsPerPage,
		@DefaultValue @Valid Polling polling, @DefaultValue @Valid Retry retry, @DefaultValue Timeouts timeouts,
		@DefaultValue @Valid RateLimit rateLimit, @DefaultValue Map<String, String> apiVersions,
		@DefaultValue("32MB") DataSize maxAnswerSize, @DefaultValue("2m") Duration listingDeadline) {

	public AtlasProperties {
		apiVersions = Map.copyOf(apiVersions);
		// fails binding, naming the property, on an unknown operation or a bad version
		AtlasApiVersions.of(apiVersion, apiVersions);
		if (maxAnswerSize.toBytes() < 1024 || maxAnswerSize.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"atlas.max-answer-size must be between 1KB and 2GB, not " + maxAnswerSize);
		}
		// numbers are checked by Bean Validation (the annotations); durations and sizes
		// here, as it has no standard constraint for them
		if (listingDeadline.isZero() || listingDeadline.isNegative()) {
			throw new IllegalArgumentException("atlas.listing-deadline must be positive, not " + listingDeadline);
		}
		if (rateLimit.period().isZero() || rateLimit.period().isNegative()) {
			throw new IllegalArgumentException("atlas.rate-limit.period must be positive, not " + rateLimit.period());
		}
	}

	/**
	 * @param initialInterval wait before the second poll (the first follows the create at
	 * once); grows by {@code multiplier} per poll
	 * @param maxInterval the longest wait between polls
	 * @param deadline a query still processing after this long fails
	 * @param multiplier growth of the interval per poll: 1.5 keeps a query's overshoot
	 * past its real end within half its duration, where doubling would allow all of it
	 */
	public record Polling(@DefaultValue("250ms") Duration initialInterval, @DefaultValue("5s") Duration maxInterval,
			@DefaultValue("10m") Duration deadline,
			@DefaultValue("1.5") @DecimalMin(value = "1.0", message = "must be at least 1") double multiplier) {
	}

	/**
	 * Atlas's published limit for the Cost Explorer and invoices endpoints: one bucket
	 * per organization, creates and polls together, holding {@code capacity} requests and
	 * refilled by {@code refill} per {@code period}.
	 *
	 * @param enabled whether the client limits itself (a 429 is retried either way)
	 * @param capacity the burst
	 * @param refill requests added per period
	 * @param period the refill period
	 * @param networkAllowance added to the wait of a call the bucket holds back, for the
	 * difference in travel time between calls (see {@code OrganizationRateLimiter})
	 * @param adaptive whether a 429 slows the organization down (its rate halved, then
	 * recovering step by step; {@code Retry-After} honoured) instead of only retrying
	 * @param maxRateLimitedAttempts how many 429s one call may meet before it fails:
	 * counted apart from {@code atlas.retry.max-attempts}, which is for real failures
	 * @param listingsPerSecond the pace of listing calls (projects, clusters), which are
	 * outside the billing bucket: at most this many a second, after a burst of as many
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled,
			@DefaultValue("500") @Min(value = 1, message = "must be at least 1") int capacity,
			@DefaultValue("100") @Min(value = 1, message = "must be at least 1") int refill,
			@DefaultValue("60s") Duration period, @DefaultValue("1s") Duration networkAllowance,
			@DefaultValue("true") boolean adaptive,
			@DefaultValue("60") @Min(value = 1, message = "must be at least 1") int maxRateLimitedAttempts,
			@DefaultValue("10") @Min(value = 1, message = "must be at least 1") int listingsPerSecond) {

		/** The published rate in requests per second. */
		public double ratePerSecond() {
			return this.refill * 1e9 / this.period.toNanos();
		}

	}

	/**
	 * @param maxAttempts attempts per call, the first included
	 * @param minBackoff first back-off, grows exponentially with jitter
	 * @param maxBackoff the longest back-off
	 * @param maxRetryAfter the longest {@code Retry-After} obeyed: a server asking for
	 * more (a day, say) is waited this long, with a warning
	 */
	public record Retry(@DefaultValue("4") @Min(value = 1, message = "must be at least 1") int maxAttempts,
			@DefaultValue("500ms") Duration minBackoff, @DefaultValue("20s") Duration maxBackoff,
			@DefaultValue("5m") Duration maxRetryAfter) {
	}

	/**
	 * @param connect TCP connect timeout
	 * @param read the longest wait for a response's headers
	 * @param exchange the longest one call may take, from the request to the last byte of
	 * the answer, a token request included: a server dripping its answer byte by byte
	 * never trips {@code read}, but trips this (the call then counts as a network failure
	 * and is retried like one)
	 */
	public record Timeouts(@DefaultValue("10s") Duration connect, @DefaultValue("60s") Duration read,
			@DefaultValue("2m") Duration exchange) {
	}

	/**
	 * The version of each operation: the {@code Accept} and {@code Content-Type} of every
	 * call come from this table only.
	 */
	public AtlasApiVersions versions() {
		return AtlasApiVersions.of(this.apiVersion, this.apiVersions);
	}

}
