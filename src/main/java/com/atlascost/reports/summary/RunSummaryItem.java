package com.atlascost.reports.summary;

/**
 * What one line of the run summary says, with its English label and value as patterns
 * over the line's arguments ({@code {0}}, {@code {1}}, ...). The console prints the
 * English; the workbook writes the same line in its own language from the item and the
 * arguments, never from the English text.
 */
public enum RunSummaryItem {

	JOB("Job", "{0} ({1}), job execution {2}"),

	WINDOWS("Windows", "{0}: {1} to {2}"),

	/** A report rebuilt from the database: Atlas was not called. */
	REBUILT("Source", "rebuilt from the database, Atlas not called; pass --refresh to fetch again"),

	QUERIES("Queries", "{0} planned, {1} done ({2} fetched, {3} already done before this run), {4} failed"),

	/** A failed query's reason: its number, then the reason. */
	FAILED_QUERY("Failed query {0}", "{1}"),

	FAILED_QUERIES_NOT_LISTED("Failed queries not listed", "{0}"),

	/** The organizations whose credentials Atlas refused, each with its status. */
	CREDENTIALS("Credentials",
			"Atlas refused the credentials for {0}: check MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET (or"
					+ " the API key pair) and that the caller has Organization Billing Viewer, Billing Admin or Owner"
					+ " on that org"),

	/** The calls by HTTP status; none when there was no call. */
	API_CALLS("API calls by status", "{0}"),

	RATE_LIMITED("Rate limited (429)", "{0}"),

	/** Retries of the usage queries' creates and polls: the number the progress shows. */
	RETRIES("Retries", "{0}"),

	/** Retries of the other calls (the plan's listings, the invoices), when any. */
	RETRIES_OF_OTHER_CALLS("Retries of other calls", "{0} (listings, invoices)"),

	/**
	 * An organization whose bucket looked smaller than published: the org, then its 429s
	 * and rates.
	 */
	RATE_LIMIT_OF_ORG("Rate limit of org {0}",
			"its bucket looked smaller than published: {1} 429s, slowed to {2} requests/s (published {3}/s),"
					+ " {4}/s at the end"),

	/**
	 * Usage query tokens Atlas forgot (404 on a poll), then how many of those queries
	 * were created again.
	 */
	TOKENS_FORGOTTEN("Usage tokens forgotten by Atlas", "{0}, queries created again {1}"),

	QUERY_LATENCY("Query latency", "{0} queries timed, mean {1} ms, max {2} ms"),

	ROWS_STORED("Rows stored", "{0}"),

	/** The month, then the bills' total in US dollars. */
	TOTAL("Usage {0} (Cost Explorer, before tax)", "{1} USD"),

	/**
	 * The month, the forecast, its band, and how many organizations of how many have one.
	 */
	FORECAST("Forecast {0} (usage, month end)", "{1} USD (band {2} to {3} USD, {4} of {5} organizations)"),

	INVOICES("Invoices", "{0} fetched, {1} settled ones already stored"),

	/**
	 * The settled org-months with an unexplained difference, by label and month with the
	 * amount; none when tax, noted lines and the like explain every difference.
	 */
	NOT_RECONCILED("Not reconciled", "{0}"),

	/**
	 * The settled org-months Atlas revised (a late charge), by label and month with the
	 * old and new bill; none when there is none.
	 */
	REVISIONS("Revisions of settled months", "{0}"),

	WORKBOOK("Workbook", "{0}"),

	FOCUS_CSV("FOCUS CSV", "{0}"),

	/** Seconds, to a tenth. */
	DURATION("Duration", "{0} s"),

	/** The code, then its meaning. */
	EXIT_CODE("Exit code", "{0}: {1}"),

	/**
	 * The report step's code and meaning, then the code of a failed delivery.
	 */
	EXIT_CODE_BEFORE_DELIVERY("Exit code",
			"{0}: {1} when this report was written; the delivery that follows ends the run with {2} if it fails"
					+ " (see the run's log)");

	private final String label;

	private final String value;

	RunSummaryItem(String label, String value) {
		this.label = label;
		this.value = value;
	}

	String label() {
		return this.label;
	}

	String value() {
		return this.value;
	}

}
