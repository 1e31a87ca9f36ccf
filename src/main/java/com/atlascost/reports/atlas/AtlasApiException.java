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

	/**
	 * A success status whose body ends before its JSON does (cut short): retried as a
	 * transient failure.
	 */
	public static final String UNPARSEABLE_BODY = "UNPARSEABLE_BODY";

	/**
	 * A success status whose body is not JSON at all (a bare {@code NaN}, an HTML page):
	 * a bad answer, retried at most twice ({@link #MALFORMED_BODY_RETRIES}), the detail
	 * naming the field or position.
	 */
	public static final String MALFORMED_BODY = "MALFORMED_BODY";

	/**
	 * Retries of a {@link #MALFORMED_BODY}: a proxy's hiccup passes, a bad server not.
	 */
	static final int MALFORMED_BODY_RETRIES = 2;

	/**
	 * A success status whose body is JSON but not the answer the call documents (no
	 * {@code usageDetails}, a row without a readable amount or date, an id that is not an
	 * id, a row the query did not ask for). Not retried within the run: the query fails
	 * and the next run asks again.
	 */
	public static final String UNEXPECTED_ANSWER = "UNEXPECTED_ANSWER";

	/** An answer larger than {@code atlas.max-answer-size}: refused, not retried. */
	public static final String ANSWER_TOO_LARGE = "ANSWER_TOO_LARGE";

	/**
	 * No answer: the connection failed, was reset, or no response came in time. The
	 * status is then 0.
	 */
	public static final String NO_ANSWER = "NO_ANSWER";

	private final int status;

	private final String errorCode;

	private final @Nullable String detail;

	private final @Nullable String orgId;

	private final AtlasApiCall call;

	private final @Nullable Duration retryAfter;

	public AtlasApiException(int status, String errorCode, @Nullable String detail, @Nullable String orgId,
			AtlasApiCall call, @Nullable Duration retryAfter) {
		super(call + ((orgId != null) ? " for org " + orgId : "") + " failed: " + status + " "
				+ AtlasText.clean(errorCode) + ((detail != null) ? ": " + AtlasText.clean(detail) : ""));
		this.status = status;
		// Atlas's text reaches log lines through these: nothing in them may rewrite one
		this.errorCode = AtlasText.clean(errorCode);
		this.detail = (detail != null) ? AtlasText.clean(detail) : null;
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
	Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * Atlas refused the credentials (401) or what they may do (403): no retry helps, the
	 * organization's access must be fixed.
	 */
	public boolean credentialsRefused() {
		return refusesCredentials(this.status);
	}

	/**
	 * Whether a failure's status, as stored with a query, is a refusal of credentials.
	 */
	public static boolean refusesCredentials(int status) {
		return status == 401 || status == 403;
	}

	/**
	 * A poll Atlas answered 404: the query's token expired or Atlas lost it, so the query
	 * must be created again.
	 */
	public boolean tokenLost() {
		return this.status == 404 && this.call == AtlasApiCall.POLL_USAGE;
	}

	/**
	 * This failure attributed to an org: token failures happen before the org is known.
	 */
	AtlasApiException forOrg(String orgId) {
		return (this.orgId != null) ? this
				: new AtlasApiException(this.status, this.errorCode, this.detail, orgId, this.call, this.retryAfter);
	}

	/**
	 * Rate limits, server trouble and unreadable answers pass; a bad request or missing
	 * rights never do.
	 */
	boolean isTransient() {
		return TRANSIENT_STATUSES.contains(this.status) || UNPARSEABLE_BODY.equals(this.errorCode)
				|| NO_ANSWER.equals(this.errorCode);
	}

	/** A network failure (reset, timeout, refused connection) as an Atlas failure. */
	static AtlasApiException noAnswer(@Nullable String orgId, AtlasApiCall call, Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String detail = root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
		AtlasApiException ex = new AtlasApiException(0, NO_ANSWER, detail, orgId, call, null);
		ex.initCause(cause);
		return ex;
	}

}
