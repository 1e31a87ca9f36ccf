package com.atlascost.reports.job;

import java.util.List;

/** Some queries of a run could not be completed; their reasons are stored with them. */
class QueriesFailedException extends RuntimeException {

	QueriesFailedException(int failed, int total, List<String> failures) {
		super(failed + " of " + total + " queries failed; restart the run to retry them:" + System.lineSeparator()
				+ String.join(System.lineSeparator(), failures));
	}

}
