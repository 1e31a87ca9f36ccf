package com.atlascost.reports.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.atlas.AtlasJson;

/**
 * The sandbox's wire contract, seen through HTTP stacks other than the client's (the
 * JDK's client, a bare socket), so the sandbox and the client cannot share a mistake.
 */
class AtlasSandboxTests {

	private static final String USAGE = "/api/atlas/v2/orgs/" + SandboxData.ACME_PRODUCTION
			+ "/billing/costExplorer/usage";

	private static final String QUERY = """
			{"startDate":"2024-07-01","endDate":"2024-08-01","organizations":["%s"],"groupBy":"organizations"}
			""".formatted(SandboxData.ACME_PRODUCTION);

	private final JsonMapper mapper = AtlasJson.mapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtlasSandbox sandbox = AtlasSandbox
		.start(SandboxSettings.builder().processingDelay(Duration.ofSeconds(30)).build());

	@AfterEach
	void stop() {
		this.sandbox.stop();
	}

	@Test
	void issuesBearerTokensForItsServiceAccount() throws Exception {
		HttpResponse<String> response = send(tokenRequest(this.sandbox.serviceAccount().clientSecret()));

		JsonNode body = this.mapper.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").intValue()).isEqualTo(3600);
		assertThat(body.get("access_token").stringValue()).isNotBlank();
		assertThat(send(tokenRequest("wrong")).statusCode()).isEqualTo(401);
	}

	@Test
	void challengesUnauthenticatedCallsWithDigest() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(USAGE + "/" + "ab".repeat(32)))
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.build());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Digest ").contains("qop=\"auth\"", "nonce=\""));
		assertThat(this.mapper.readTree(response.body()).get("error").intValue()).isEqualTo(401);
	}

	@Test
	void wrapsAnswersInAnEnvelopeWhenAsked() throws Exception {
		String bearer = "Bearer " + accessToken();
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri(USAGE + "?envelope=true"))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.header("Content-Type", "application/vnd.atlas.2023-01-01+json")
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build());
		String token = this.mapper.readTree(created.body()).get("content").get("token").stringValue();
		HttpResponse<String> polled = send(HttpRequest.newBuilder(uri(USAGE + "/" + token + "?envelope=true"))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.build());
		HttpResponse<String> wrongVersion = send(HttpRequest.newBuilder(uri(USAGE + "/" + token + "?envelope=true"))
			.header("Authorization", bearer)
			.header("Accept", "application/json")
			.build());

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(created.body()).get("status").intValue()).isEqualTo(202);
		assertThat(token).matches("[a-f0-9]{64}");
		assertThat(polled.statusCode()).isEqualTo(200);
		assertThat(this.mapper.readTree(polled.body()).get("status").intValue()).isEqualTo(102);
		assertThat(this.mapper.readTree(wrongVersion.body())).isEqualTo(this.mapper.readTree("""
				{"status":406,"content":{"error":406,"errorCode":"INVALID_VERSION_HEADER","reason":"Not Acceptable",
				"detail":"Invalid version header application/json for getCostExplorerQueryProcess: Accept must be \
				application/vnd.atlas.<version>+json with a version of [2023-01-01]."}}
				"""));
	}

	@Test
	void refusesAnOrganizationNeitherThePathsNorLinkedToIt() throws Exception {
		String bearer = "Bearer " + accessToken();
		HttpResponse<String> unlinked = send(create(bearer, SandboxData.ACME_ANALYTICS));
		HttpResponse<String> linked = send(create(bearer, SandboxData.ACME_SANDBOX));

		assertThat(unlinked.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(unlinked.body())).isEqualTo(this.mapper.readTree("""
				{"error":400,"errorCode":"VALIDATION_ERROR","reason":"Bad Request",
				"detail":"Organization %s is not linked to %s."}
				""".formatted(SandboxData.ACME_ANALYTICS, SandboxData.ACME_PRODUCTION)));
		assertThat(linked.statusCode()).as("the linked org, under cross-organization billing").isEqualTo(202);
	}

	private HttpRequest create(String bearer, String otherOrg) {
		String query = """
				{"startDate":"2024-07-01","endDate":"2024-08-01","organizations":["%s","%s"],"groupBy":"organizations"}
				""".formatted(SandboxData.ACME_PRODUCTION, otherOrg);
		return HttpRequest.newBuilder(uri(USAGE))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.header("Content-Type", "application/vnd.atlas.2023-01-01+json")
			.POST(HttpRequest.BodyPublishers.ofString(query))
			.build();
	}

	@Test
	void takesEachOperationsVersionsAndRefusesThemAfterTheirSunsetByItsClock() throws Exception {
		String clusters = "/api/atlas/v2/groups/6a1b2c3d4e5f60718293a4b1/clusters";
		try (AtlasSandbox before = AtlasSandbox.start(SandboxSettings.builder().clock(day(2026, 11, 29)).build());
				AtlasSandbox after = AtlasSandbox.start(SandboxSettings.builder().clock(day(2026, 11, 30)).build())) {
			assertThat(status(before, clusters, "2023-01-01")).isEqualTo(200);
			assertThat(status(after, clusters, "2023-01-01")).isEqualTo(410);
			assertThat(status(before, clusters, "2023-02-01")).isEqualTo(410);
			assertThat(status(after, clusters, "2024-08-05")).isEqualTo(200);
			assertThat(status(after, clusters, "2024-11-13")).isEqualTo(406);
			assertThat(status(after, clusters.replace("clusters", "flexClusters"), "2024-11-13")).isEqualTo(200);
			assertThat(status(after, clusters.replace("clusters", "flexClusters"), "2024-08-05")).isEqualTo(406);
			assertThat(status(after, "/api/atlas/v2/orgs/" + SandboxData.ACME_PRODUCTION + "/groups", "2024-08-05"))
				.isEqualTo(406);
			HttpResponse<String> gone = get(after, clusters, "2023-01-01");
			assertThat(this.mapper.readTree(gone.body()).get("errorCode").stringValue()).isEqualTo("VERSION_GONE");
			assertThat(this.mapper.readTree(gone.body()).get("detail").stringValue())
				.isEqualTo("Version 2023-01-01 of listClusters was sunset on 2026-11-30. Use one of [2024-08-05].");
		}
	}

	@Test
	void listsFlexClustersApartAndKeepsAListsResultsInTheEnvelope() throws Exception {
		String project = "/api/atlas/v2/groups/6a1b2c3d4e5f60718293a4d2/";
		JsonNode flex = this.mapper
			.readTree(get(this.sandbox, project + "flexClusters?envelope=true", "2024-11-13").body());
		JsonNode dedicated = this.mapper.readTree(get(this.sandbox, project + "clusters", "2024-08-05").body());

		assertThat(flex.get("status").intValue()).isEqualTo(200);
		assertThat(flex.has("content")).isFalse();
		assertThat(flex.get("totalCount").intValue()).isEqualTo(2);
		assertThat(flex.get("results").valueStream().map((cluster) -> cluster.get("name").stringValue()))
			.containsExactly("experiments-flex-a", "experiments-flex-b");
		assertThat(dedicated.get("results").valueStream().map((cluster) -> cluster.get("name").stringValue()))
			.containsExactly("experiments-m10");
	}

	@Test
	void sendsRateLimitHeadersAndTakesFromTheBucketWhatAnotherClientLeaves() throws Exception {
		try (AtlasSandbox shared = AtlasSandbox.start(SandboxSettings.builder()
			.processingDelay(Duration.ofSeconds(30))
			.rateLimit(SandboxSettings.RateLimit.of(1, 10, Duration.ofSeconds(1)))
			.sharedBucket(SandboxSettings.SharedBucket.of(9.9, SandboxData.ACME_PRODUCTION))
			.build())) {
			String bearer = "Bearer " + this.mapper.readTree(sendTo(shared, tokenRequest(shared)).body())
				.get("access_token")
				.stringValue();
			HttpRequest create = HttpRequest.newBuilder(URI.create(shared.baseUrl() + USAGE))
				.header("Authorization", bearer)
				.header("Accept", "application/vnd.atlas.2023-01-01+json")
				.POST(HttpRequest.BodyPublishers.ofString(QUERY))
				.build();
			HttpResponse<String> first = sendTo(shared, create);
			// alone, the bucket would be full again in 100 ms; the other client,
			// taking 9.9 of the 10 a second, leaves one request every 10 s
			Thread.sleep(300);
			HttpResponse<String> limited = sendTo(shared, create);

			assertThat(first.statusCode()).isEqualTo(202);
			assertThat(limited.statusCode()).as("the other client took the bucket").isEqualTo(429);
			assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("1");
			assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
		}
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri(USAGE))
			.header("Authorization", "Bearer " + accessToken())
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build());
		assertThat(created.statusCode()).isEqualTo(202);
		assertThat(created.headers().firstValue("RateLimit-Limit")).hasValue("500");
		assertThat(created.headers().firstValue("RateLimit-Remaining")).hasValue("499");
	}

	private int status(AtlasSandbox target, String path, String version) throws Exception {
		return get(target, path, version).statusCode();
	}

	private HttpResponse<String> get(AtlasSandbox target, String path, String version) throws Exception {
		String bearer = "Bearer "
				+ this.mapper.readTree(sendTo(target, tokenRequest(target)).body()).get("access_token").stringValue();
		return sendTo(target,
				HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
					.header("Authorization", bearer)
					.header("Accept", "application/vnd.atlas." + version + "+json")
					.build());
	}

	private HttpResponse<String> sendTo(AtlasSandbox target, HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest tokenRequest(AtlasSandbox target) {
		String basic = Base64.getEncoder()
			.encodeToString((target.serviceAccount().clientId() + ":" + target.serviceAccount().clientSecret())
				.getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
	}

	private static java.time.Clock day(int year, int month, int day) {
		return java.time.Clock.fixed(
				java.time.LocalDate.of(year, month, day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
				java.time.ZoneOffset.UTC);
	}

	@Test
	void answersARaw102StatusLineAndClosesTheConnection() throws Exception {
		String bearer = "Bearer " + accessToken();
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri(USAGE))
			.header("Authorization", bearer)
			.header("Accept", "application/vnd.atlas.2023-01-01+json")
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build());
		String token = this.mapper.readTree(created.body()).get("token").stringValue();

		String raw = exchangeOverSocket("GET " + USAGE + "/" + token + " HTTP/1.1\r\nHost: sandbox\r\nAuthorization: "
				+ bearer + "\r\nAccept: application/vnd.atlas.2023-01-01+json\r\n\r\n");

		assertThat(created.statusCode()).isEqualTo(202);
		assertThat(raw).startsWith("HTTP/1.1 102 Processing\r\n").containsIgnoringCase("connection: close");
	}

	private String accessToken() throws Exception {
		return this.mapper.readTree(send(tokenRequest(this.sandbox.serviceAccount().clientSecret())).body())
			.get("access_token")
			.stringValue();
	}

	private HttpRequest tokenRequest(String secret) {
		String basic = Base64.getEncoder()
			.encodeToString((this.sandbox.serviceAccount().clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri("/api/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
	}

	/**
	 * Reads until the server closes: a server that kept the connection open would time
	 * out here.
	 */
	private String exchangeOverSocket(String request) throws IOException {
		URI base = URI.create(this.sandbox.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			return received.toString(StandardCharsets.US_ASCII);
		}
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.sandbox.baseUrl() + path);
	}

}
