package com.atlascost.reports.atlas;

import org.jspecify.annotations.Nullable;

/**
 * The calls the client makes, as named in error messages, with the operation id of the
 * published specification (mongodb/openapi {@code openapi/v2.yaml}) and the version it
 * has today: the defaults of {@link AtlasApiVersions}. Versions are per operation because
 * Atlas sunsets them per operation: {@code listClusters} lost {@code 2023-01-01} on
 * 2026-11-30 while the Cost Explorer has only that version.
 */
public enum AtlasApiCall {

	CREATE_USAGE_QUERY("create usage query", "createCostExplorerQueryProcess", "2023-01-01", true),

	POLL_USAGE("poll usage", "getCostExplorerQueryProcess", "2023-01-01", true),

	LIST_PROJECTS("list projects", "listOrganizationProjects", "2023-01-01", false),

	LIST_CLUSTERS("list clusters", "listClusters", "2024-08-05", false),

	LIST_FLEX_CLUSTERS("list Flex clusters", "listFlexClusters", "2024-11-13", false),

	LIST_INVOICES("list invoices", "listInvoices", "2023-01-01", true),

	GET_INVOICE("get invoice", "getInvoice", "2023-01-01", true),

	LIST_PENDING_INVOICES("list pending invoices", "listPendingInvoices", "2023-01-01", true),

	/** The OAuth token endpoint: outside the versioned API. */
	ISSUE_TOKEN("issue OAuth token", null, null, false);

	private final String description;

	private final @Nullable String operationId;

	private final @Nullable String defaultVersion;

	private final boolean billingBucket;

	AtlasApiCall(String description, @Nullable String operationId, @Nullable String defaultVersion,
			boolean billingBucket) {
		this.description = description;
		this.operationId = operationId;
		this.defaultVersion = defaultVersion;
		this.billingBucket = billingBucket;
	}

	/**
	 * Whether the call draws from the organization's bucket of Cost Explorer and invoice
	 * calls, which Atlas limits per organization.
	 */
	boolean billingBucket() {
		return this.billingBucket;
	}

	/**
	 * The specification's {@code operationId}; {@code null} outside the versioned API.
	 */
	@Nullable String operationId() {
		return this.operationId;
	}

	/** The version the published specification gives this operation today. */
	@Nullable String defaultVersion() {
		return this.defaultVersion;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
