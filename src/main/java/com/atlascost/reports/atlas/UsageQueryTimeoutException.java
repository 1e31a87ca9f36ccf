package com.atlascost.reports.atlas;

import java.time.Duration;

/** A usage query was still processing when the polling deadline passed. */
public class UsageQueryTimeoutException extends RuntimeException {

	public UsageQueryTimeoutException(String orgId, String token, Duration deadline) {
		super("usage query " + abbreviate(token) + " of org " + orgId + " still processing after " + deadline);
	}

	/**
	 * The create itself outlasted the deadline (a long {@code Retry-After}, a slow
	 * server): the query's deadline counts from its create.
	 */
	public UsageQueryTimeoutException(String orgId, Duration deadline) {
		super("usage query of org " + orgId + " not created within the polling deadline " + deadline
				+ " (waits for Retry-After included)");
	}

	private static String abbreviate(String token) {
		return (token.length() > 12) ? token.substring(0, 12) + "…" : token;
	}

}
