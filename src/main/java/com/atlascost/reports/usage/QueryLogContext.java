package com.atlascost.reports.usage;

import org.slf4j.MDC;

/**
 * Puts a query's organization, grouping and window in the logging MDC while one of its
 * log lines is written, so structured logs ({@code --log.format=json}) carry them as
 * fields. Set around each line rather than per thread: a query's work hops between
 * Reactor threads, and an MDC left behind would label another query's lines.
 */
final class QueryLogContext implements AutoCloseable {

	static final String ORG = "org";

	static final String GROUPING = "grouping";

	static final String WINDOW = "window";

	private QueryLogContext(StoredQuery query) {
		MDC.put(ORG, query.organizationId());
		MDC.put(GROUPING, query.grouping().apiName());
		MDC.put(WINDOW, query.window().start() + "/" + query.window().end());
	}

	static QueryLogContext of(StoredQuery query) {
		return new QueryLogContext(query);
	}

	@Override
	public void close() {
		MDC.remove(ORG);
		MDC.remove(GROUPING);
		MDC.remove(WINDOW);
	}

}
