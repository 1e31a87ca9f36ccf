package com.atlascost.reports.atlas;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The table of API versions: defaults, overrides and the deprecated global version. */
class AtlasApiVersionsTests {

	@Test
	void theDeprecatedGlobalVersionSetsTheCostExplorerOnly() {
		AtlasApiVersions versions = TestAtlasProperties.of("api-version", "2023-01-01").versions();

		assertThat(versions.version(AtlasApiCall.CREATE_USAGE_QUERY)).isEqualTo("2023-01-01");
		assertThat(versions.version(AtlasApiCall.LIST_CLUSTERS)).isEqualTo("2024-08-05");
		assertThat(versions.deprecationWarning())
			.hasValueSatisfying((warning) -> assertThat(warning).contains("atlas.api-version is deprecated")
				.contains("atlas.api-versions.<operationId>"));
		assertThat(TestAtlasProperties.of().versions().deprecationWarning()).isEmpty();
	}

	@Test
	void versionsDefaultToTheSpecificationsAndAreOverriddenPerOperation() {
		assertThat(TestAtlasProperties.of().versions().byOperationId()).containsExactly(
				Map.entry("createCostExplorerQueryProcess", "2023-01-01"),
				Map.entry("getCostExplorerQueryProcess", "2023-01-01"),
				Map.entry("listOrganizationProjects", "2023-01-01"), Map.entry("listClusters", "2024-08-05"),
				Map.entry("listFlexClusters", "2024-11-13"), Map.entry("listInvoices", "2023-01-01"),
				Map.entry("getInvoice", "2023-01-01"), Map.entry("listPendingInvoices", "2023-01-01"));
		assertThat(TestAtlasProperties.of("api-versions.listClusters", "2023-02-01")
			.versions()
			.mediaType(AtlasApiCall.LIST_CLUSTERS)).isEqualTo("application/vnd.atlas.2023-02-01+json");
	}

	@Test
	void anUnknownOperationOrAMalformedVersionIsRefusedNamingTheProperty() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AtlasApiVersions.of(null, Map.of("listClustrs", "2024-08-05")))
			.withMessageStartingWith("atlas.api-versions.listClustrs: no such operation; known: ");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AtlasApiVersions.of(null, Map.of("listClusters", "latest")))
			.withMessage(
					"atlas.api-versions.listClusters: 'latest' is not an API version (YYYY-MM-DD, as in 2024-08-05)");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AtlasApiVersions.of("2023", Map.of()))
			.withMessageStartingWith("atlas.api-version: '2023'");
	}

}
