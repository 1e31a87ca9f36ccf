package com.atlascost.reports.plan;

import java.util.List;

/**
 * The service names the Cost Explorer filter accepts. {@code AI Models} and
 * {@code Automated Embedding} exist only in newer API versions, so {@code services: all}
 * does not include them; they can still be listed by name.
 */
public final class CostExplorerServices {

	public static final List<String> ALL = List.of("Atlas", "Clusters", "Storage", "Serverless Instances", "Backup",
			"Data Transfer", "BI Connector", "Premium Features", "Atlas Data Federation", "Atlas Stream Processing",
			"App Services", "Charts", "Cloud Manager", "Cloud Manager Standard/Premium", "Legacy Backup",
			"Flex Consulting", "Support", "Credits");

	static final List<String> NEWER_VERSIONS_ONLY = List.of("AI Models", "Automated Embedding");

	static boolean isKnown(String name) {
		return ALL.contains(name) || NEWER_VERSIONS_ONLY.contains(name);
	}

	private CostExplorerServices() {
	}

}
