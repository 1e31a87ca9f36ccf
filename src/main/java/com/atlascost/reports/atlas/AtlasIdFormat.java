package com.atlascost.reports.atlas;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * The documented formats of what goes into a URL path: ids (organizations, projects,
 * invoices) are 24 hex digits, a usage query's token 64. A value from the job file, the
 * database or an answer that is not one (a {@code ..}, a slash) never reaches a URL with
 * the bearer token attached: the call fails at once, naming the value.
 */
final class AtlasIdFormat {

	static final Pattern ID = Pattern.compile("^[a-f0-9]{24}$");

	static final Pattern TOKEN = Pattern.compile("^[a-f0-9]{64}$");

	/** The failure code of a refused id or token. */
	static final String INVALID_ID = "INVALID_ID";

	private AtlasIdFormat() {
	}

	/**
	 * The refusal of the first malformed value among the name/value pairs ({@code token}
	 * is a token, every other name an id), or {@code null} when all are well formed.
	 */
	static @Nullable Mono<Void> check(String orgId, AtlasApiCall call, String... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			String name = namesAndValues[i];
			String value = namesAndValues[i + 1];
			Pattern format = name.equals("token") ? TOKEN : ID;
			if (value == null || !format.matcher(value).matches()) {
				String detail = name + ": " + shown(value) + " is not "
						+ (name.equals("token") ? "a query token (64 hex digits)" : "an Atlas id (24 hex digits)")
						+ "; not sent";
				return Mono.error(new AtlasApiException(0, INVALID_ID, detail,
						ID.matcher(orgId).matches() ? orgId : null, call, null));
			}
		}
		return null;
	}

	/** A value from outside, quoted and cut short, control characters replaced. */
	static String shown(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		String shown = (value.length() > 80) ? value.substring(0, 80) + "... (" + value.length() + " characters)"
				: value;
		return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
	}

}
