package com.atlascost.reports.atlas;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * The documented formats of what goes into a URL path: project and invoice ids, which
 * come from Atlas's own answers, are 24 hex digits, a usage query's token (from an answer
 * or the database) 64. A value that is not one (a {@code ..}, a slash) never reaches a
 * URL with the bearer token attached: the call fails at once with {@code INVALID_ID},
 * naming the value. Organization ids come from the job file, which already holds them to
 * 24 hex digits; here they only have to stay within their path segment.
 */
final class AtlasIdFormat {

	static final Pattern ID = Pattern.compile("^[a-f0-9]{24}$");

	static final Pattern TOKEN = Pattern.compile("^[a-f0-9]{64}$");

	/** One path segment: no slash, no dot segment, no control character, not empty. */
	private static final Pattern ORG_SEGMENT = Pattern.compile("^(?!\\.{1,2}$)[^/\\\\?#%\\p{Cntrl}]+$");

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** The failure code of a refused id or token. */
	static final String INVALID_ID = "INVALID_ID";

	private AtlasIdFormat() {
	}

	/**
	 * The refusal of the first malformed value, or {@code null} when all are well formed:
	 * {@code orgId} first, then the values of the path's variables in order
	 * ({@code {token}} is a token, {@code {orgId}} a path segment, every other variable
	 * an id).
	 */
	static @Nullable Mono<Void> check(String orgId, AtlasApiCall call, String path, String... pathValues) {
		String problem = problem("orgId", orgId);
		Matcher variables = PATH_VARIABLE.matcher(path);
		for (int i = 0; problem == null && i < pathValues.length && variables.find(); i++) {
			problem = problem(variables.group(1), pathValues[i]);
		}
		return (problem != null) ? refusal(orgId, call, problem) : null;
	}

	private static @Nullable String problem(String name, @Nullable String value) {
		if (name.equals("orgId")) {
			// the job file holds only well-formed org ids; one from elsewhere (a test, a
			// library caller) is left to Atlas unless it would leave its path segment
			return (value == null || !ORG_SEGMENT.matcher(value).matches())
					? name + ": " + shown(value) + " is not a path segment; not sent" : null;
		}
		Pattern format = name.equals("token") ? TOKEN : ID;
		if (value == null || !format.matcher(value).matches()) {
			return name + ": " + shown(value) + " is not "
					+ (name.equals("token") ? "a query token (64 hex digits)" : "an Atlas id (24 hex digits)")
					+ "; not sent";
		}
		return null;
	}

	private static Mono<Void> refusal(String orgId, AtlasApiCall call, String detail) {
		return Mono.error(
				new AtlasApiException(0, INVALID_ID, detail, ID.matcher(orgId).matches() ? orgId : null, call, null));
	}

	/** A value from outside, quoted and cut short, control characters removed. */
	static String shown(@Nullable String value) {
		return AtlasText.quoted(value);
	}

}
