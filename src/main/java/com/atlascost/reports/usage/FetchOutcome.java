package com.atlascost.reports.usage;

import java.util.List;

/**
 * What one fetch pass achieved. {@code failures} holds one line per failed query;
 * {@code tokensForgotten} counts the 404s on polls, {@code recreated} the queries created
 * again after one.
 */
public record FetchOutcome(int done, int failed, List<String> failures, int tokensForgotten, int recreated) {

	public FetchOutcome {
		failures = List.copyOf(failures);
	}

	public FetchOutcome(int done, int failed, List<String> failures) {
		this(done, failed, failures, 0, 0);
	}

}
