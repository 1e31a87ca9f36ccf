package com.atlascost.reports.sandbox;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The contract itself: it must catch what breaks the specification, and only that. */
class ApiContractTests {

	private static final ApiContract CONTRACT = ApiContract.published();

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	private static final String GROUP = "6a1b2c3d4e5f60718293a4b1";

	private static final String FILTER = """
			{"startDate":"2024-01-01","endDate":"2024-02-01","organizations":["%s"],"groupBy":"services",
			"services":["Clusters"],"includePartialMatches":false}""".formatted(ORG);

	@Test
	void holdsTheEightOperationsOfTheExtractWithTheirVersionsAndSunsets() {
		assertThat(CONTRACT.operationIds()).containsExactlyInAnyOrder("createCostExplorerQueryProcess",
				"getCostExplorerQueryProcess", "listOrganizationProjects", "listClusters", "listFlexClusters",
				"listInvoices", "getInvoice", "listPendingInvoices");
		assertThat(CONTRACT.versions("listClusters")).containsEntry("2023-01-01", LocalDate.of(2026, 11, 30))
			.containsEntry("2023-02-01", LocalDate.of(2026, 3, 1))
			.containsEntry("2024-08-05", null);
	}

	@Test
	void aCreateAsTheSpecificationHasItPasses() {
		SandboxExchange create = exchange("POST",
				"/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage?envelope=true", "2023-01-01", FILTER, 200,
				"{\"status\":202,\"content\":{\"token\":\"" + "ab".repeat(32) + "\"}}");

		assertThat(CONTRACT.requestViolations(create, TODAY)).isEmpty();
		assertThat(CONTRACT.answerViolations(create, TODAY)).isEmpty();
	}

	@Test
	void aVersionTheOperationLacksOrHasSunsetBreaksTheRequestAndMustNotBeAccepted() {
		SandboxExchange lacking = exchange("POST", "/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage",
				"2024-08-05", FILTER, 202, "{\"token\":\"" + "ab".repeat(32) + "\"}");
		SandboxExchange sunset = exchange("GET", "/api/atlas/v2/groups/" + GROUP + "/clusters", "2023-01-01", "", 200,
				"{\"results\":[],\"totalCount\":0}");

		assertThat(CONTRACT.requestViolations(lacking, TODAY)).singleElement()
			.asString()
			.contains("not a version of the operation");
		assertThat(CONTRACT.answerViolations(lacking, TODAY)).singleElement().asString().contains("answers 406");
		assertThat(CONTRACT.requestViolations(sunset, TODAY)).singleElement()
			.asString()
			.contains("sunset on 2026-11-30");
		assertThat(CONTRACT.answerViolations(sunset, TODAY)).singleElement().asString().contains("answers 410");
		assertThat(CONTRACT.answerViolations(sunset, LocalDate.of(2026, 11, 29))).isEmpty();
	}

	@Test
	void aBodyTheSchemaRefusesMustNotBeAccepted() {
		String aiModels = FILTER.replace("\"Clusters\"", "\"AI Models\"");
		SandboxExchange accepted = exchange("POST", "/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage",
				"2023-01-01", aiModels, 202, "{\"token\":\"" + "ab".repeat(32) + "\"}");
		SandboxExchange refused = exchange("POST", "/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage",
				"2023-01-01", aiModels, 400,
				"{\"error\":400,\"errorCode\":\"VALIDATION_ERROR\",\"reason\":\"Bad Request\",\"detail\":\"no\"}");

		assertThat(CONTRACT.requestViolations(accepted, TODAY)).singleElement().asString().contains("AI Models");
		assertThat(CONTRACT.answerViolations(accepted, TODAY)).singleElement()
			.asString()
			.contains("the specification refuses (400)");
		assertThat(CONTRACT.answerViolations(refused, TODAY)).isEmpty();
	}

	@Test
	void aCreateAnswered200OrAnErrorWithoutErrorCodeBreaksTheAnswers() {
		SandboxExchange ok200 = exchange("POST", "/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage",
				"2023-01-01", FILTER, 200, "{\"token\":\"" + "ab".repeat(32) + "\"}");
		SandboxExchange bareError = exchange("GET", "/api/atlas/v2/orgs/" + ORG + "/groups", "2023-01-01", "", 500,
				"{\"message\":\"boom\"}");

		assertThat(CONTRACT.answerViolations(ok200, TODAY)).singleElement().asString().contains("answers [202]");
		assertThat(CONTRACT.answerViolations(bareError, TODAY)).isNotEmpty()
			.anySatisfy((violation) -> assertThat(violation).contains("errorCode"));
	}

	@Test
	void anEnvelopedListKeepsResultsAndAddsStatus() {
		String uri = "/api/atlas/v2/groups/" + GROUP + "/flexClusters?envelope=true&pageNum=1&itemsPerPage=500";
		SandboxExchange kept = exchange("GET", uri, "2024-11-13", "", 200, "{\"status\":200,\"results\":[{\"id\":\""
				+ GROUP + "\",\"name\":\"f\",\"groupId\":\"" + GROUP + "\"}],\"totalCount\":1}");
		SandboxExchange wrapped = exchange("GET", uri, "2024-11-13", "", 200,
				"{\"status\":200,\"content\":{\"results\":[],\"totalCount\":0}}");
		SandboxExchange tooBig = exchange("GET", uri.replace("500", "501"), "2024-11-13", "", 200,
				"{\"status\":200,\"results\":[],\"totalCount\":0}");

		assertThat(CONTRACT.answerViolations(kept, TODAY)).isEmpty();
		assertThat(CONTRACT.answerViolations(wrapped, TODAY)).singleElement().asString().contains("keeps results");
		assertThat(CONTRACT.requestViolations(tooBig, TODAY)).singleElement().asString().contains("itemsPerPage");
	}

	@Test
	void failsListingTheViolationsAndRefusesToCheckNothing() {
		SandboxExchange sunset = exchange("GET", "/api/atlas/v2/groups/" + GROUP + "/clusters", "2023-01-01", "", 200,
				"{\"results\":[],\"totalCount\":0}");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CONTRACT.assertRequestsHold(java.util.List.of(sunset), TODAY))
			.withMessageContaining("1 requests of 1 exchanges break the published specification")
			.withMessageContaining("listClusters sent version 2023-01-01");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CONTRACT.assertAnswersHold(java.util.List.of(), TODAY))
			.withMessageContaining("no exchange");
	}

	private static SandboxExchange exchange(String method, String uri, String version, String body, int status,
			String answer) {
		return new SandboxExchange(method, uri, Map.of("accept", "application/vnd.atlas." + version + "+json"), body,
				status, Map.of(), answer, null);
	}

}
