package com.atlascost.reports.usage;

import java.util.List;

/** What one fetch pass achieved. {@code failures} holds one line per failed query. */
public record FetchOutcome(int done, int failed, List<String> failures) {

	public FetchOutcome {
		failures = List.copyOf(failures);
	}

}
