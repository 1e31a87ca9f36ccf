package com.atlascost.reports.atlas;

/** The calls the client makes, as named in error messages. */
public enum AtlasApiCall {

	CREATE_USAGE_QUERY("create usage query"), POLL_USAGE("poll usage"), LIST_PROJECTS("list projects"),
	LIST_CLUSTERS("list clusters"), ISSUE_TOKEN("issue OAuth token"), LIST_INVOICES("list invoices"),
	GET_INVOICE("get invoice"), LIST_PENDING_INVOICES("list pending invoices");

	private final String description;

	AtlasApiCall(String description) {
		this.description = description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
