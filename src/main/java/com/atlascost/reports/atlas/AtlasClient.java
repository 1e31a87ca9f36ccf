package com.atlascost.reports.atlas;

/**
 * The Atlas Administration API as the Go SDK's {@code APIClient} offers it: one API per
 * tag of the specification, all sharing one pipeline (one connection pool, one
 * authentication, one pace per organization).
 */
public record AtlasClient(CostExplorerApi costExplorer, InvoicesApi invoices, OrganizationsApi organizations,
		ClustersApi clusters) {

	public static AtlasClient connect(AtlasConnection connection, AtlasProperties properties, AtlasMetrics metrics) {
		AtlasPipeline pipeline = new AtlasPipeline(connection, properties, metrics);
		return new AtlasClient(new CostExplorerApi(pipeline, properties.polling()), new InvoicesApi(pipeline),
				new OrganizationsApi(pipeline), new ClustersApi(pipeline));
	}

}
