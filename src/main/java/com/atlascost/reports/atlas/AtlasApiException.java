package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Atlas answered an error. Carries Atlas's {@code errorCode}, so callers decide on codes,
 * not on message text.
 */
public class AtlasApiException extends RuntimeException {

	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);

	private final int status;

	private final String errorCode;

	private final @Nullable String detail;

	private final @Nullable String orgId;

	private final AtlasApiCall call;

	private final @Nullable Duration retryAfter;

	public AtlasApiException(int status, String errorCode, @Nullable String detail, @Nullable String orgId,
			AtlasApiCall call, @Nullable Duration retryAfter) {
		super(call + ((orgId != null) ? " for org " + orgId : "") + " failed: " + status + " " + errorCode
				+ ((detail != null) ? ": " + detail : ""));
		this.status = status;
		this.errorCode = errorCode;
		this.detail = detail;
		this.orgId = orgId;
		this.call = call;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return this.status;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public @Nullable String detail() {
		return this.detail;
	}

	public @Nullable String orgId() {
		return this.orgId;
	}

	public AtlasApiCall call() {
		return this.call;
	}

	/** The server's {@code Retry-After}, when it sent one. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * This failure attributed to an org: token failures happen before the org is known.
	 */
	AtlasApiException forOrg(String orgId) {
		return (this.orgId != null) ? this
				: new AtlasApiException(this.status, this.errorCode, this.detail, orgId, this.call, this.retryAfter);
	}

	/** Rate limits and server trouble pass; a bad request or missing rights never do. */
	public boolean isTransient() {
		return TRANSIENT_STATUSES.contains(this.status);
	}

}
