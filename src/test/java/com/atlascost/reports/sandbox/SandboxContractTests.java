package com.atlascost.reports.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.atlascost.reports.atlas.AtlasJson;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox held against the published specification through another HTTP stack (the
 * JDK's): every operation asked with each of its versions, versions it does not have and
 * bodies the schema refuses, with and without the envelope. Every answer must be the one
 * the specification gives: a test fails if the sandbox accepts a version the operation
 * lacks or has sunset, or a body the schema refuses.
 */
class SandboxContractTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private static final String ORG = SandboxData.ACME_SANDBOX;

	private static final String GROUP = "6a1b2c3d4e5f60718293a4d2";

	private static final List<String> VERSIONS = List.of("2022-02-22", "2023-01-01", "2023-02-01", "2023-11-15",
			"2024-05-30", "2024-08-05", "2024-11-13", "2025-02-19");

	private static final String FILTER = """
			{"startDate":"2024-01-01","endDate":"2024-03-01","organizations":["%s"],"groupBy":"clusters",
			"clusters":["7b1c2d3e4f5a60718293b4e3"],"includePartialMatches":false}""".formatted(ORG);

	/** Bodies the specification's schema refuses. */
	private static final List<String> REFUSED_FILTERS = List.of(
			FILTER.replace("\"groupBy\":\"clusters\",", "").replace("\"startDate\":\"2024-01-01\",", ""),
			FILTER.replace("clusters\",", "regions\","),
			FILTER.replace("7b1c2d3e4f5a60718293b4e3", "7B1C2D3E4F5A60718293B4E3"),
			FILTER.replace("\"groupBy\":\"clusters\",\"clusters\":[\"7b1c2d3e4f5a60718293b4e3\"]",
					"\"groupBy\":\"services\",\"services\":[\"AI Models\"]"),
			FILTER.replace("2024-03-01", "2024-3-1"), FILTER.replace("false}", "\"no\"}"), "[]");

	private final JsonMapper mapper = AtlasJson.mapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtlasSandbox sandbox = AtlasSandbox.start(SandboxSettings.builder()
		.processingDelay(Duration.ZERO)
		.clock(java.time.Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
		.build());

	@AfterEach
	void stop() {
		this.sandbox.stop();
	}

	@Test
	void everyAnswerToEveryVersionAndEveryRefusedBodyIsTheSpecifications() throws Exception {
		String bearer = "Bearer " + this.mapper.readTree(send(token()).body()).get("access_token").stringValue();
		String usage = "/api/atlas/v2/orgs/" + ORG + "/billing/costExplorer/usage";
		for (String envelope : List.of("", "?envelope=true")) {
			for (String version : VERSIONS) {
				HttpResponse<String> created = send(post(usage + envelope, version, FILTER, bearer));
				String token = this.mapper.readTree(created.body())
					.path("content")
					.path("token")
					.asString(this.mapper.readTree(created.body()).path("token").asString("ab".repeat(32)));
				send(get(usage + "/" + token + envelope, version, bearer));
				send(get("/api/atlas/v2/orgs/" + ORG + "/groups" + envelope, version, bearer));
				send(get("/api/atlas/v2/groups/" + GROUP + "/clusters" + envelope, version, bearer));
				send(get("/api/atlas/v2/groups/" + GROUP + "/flexClusters" + envelope, version, bearer));
			}
			for (String refused : REFUSED_FILTERS) {
				send(post(usage + envelope, "2023-01-01", refused, bearer));
			}
			send(get("/api/atlas/v2/groups/" + GROUP + "/flexClusters" + (envelope.isEmpty() ? "?" : envelope + "&")
					+ "itemsPerPage=501", "2024-11-13", bearer));
		}

		List<SandboxExchange> exchanges = this.sandbox.exchanges();
		assertThat(exchanges).hasSizeGreaterThan(2 * (VERSIONS.size() * 5 + REFUSED_FILTERS.size()));
		assertThat(exchanges).extracting(SandboxExchange::status).contains(200, 202, 400, 406, 410);
		ApiContract.published().assertAnswersHold(exchanges, TODAY);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest get(String path, String version, String bearer) {
		return HttpRequest.newBuilder(URI.create(this.sandbox.baseUrl() + path))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas." + version + "+json")
			.build();
	}

	private HttpRequest post(String path, String version, String body, String bearer) {
		return HttpRequest.newBuilder(URI.create(this.sandbox.baseUrl() + path))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas." + version + "+json")
			.header("Content-Type", "application/vnd.atlas." + version + "+json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest token() {
		String basic = Base64.getEncoder()
			.encodeToString(
					(this.sandbox.serviceAccount().clientId() + ":" + this.sandbox.serviceAccount().clientSecret())
						.getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(this.sandbox.baseUrl() + "/api/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
	}

}
