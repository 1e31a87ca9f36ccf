package com.atlascost.reports.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.ApiContract;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxExchange;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a sandbox that serves the published specification's versions and
 * sunsets at today's date: every request it sends and every answer it gets are held
 * against the specification's schemas.
 */
@ExtendWith(OutputCaptureExtension.class)
class AtlasApiFunctionalTests {

	private static final List<String> ORGS = List.of(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS,
			SandboxData.ACME_SANDBOX);

	private static final String CLUSTERS_ALL = """
			name: every-cluster
			groupBy: [clusters, services]
			organizations:
			  - id: %s
			    clusters: all
			  - id: %s
			    clusters: all
			  - id: %s
			    clusters: all
			""".formatted(ORGS.get(0), ORGS.get(1), ORGS.get(2));

	@TempDir
	Path dir;

	@Test
	void clustersAllAtTodaysVersionsHoldsEveryClusterFlexIncludedToTheCent() throws Exception {
		Path job = write("clusters.yml", CLUSTERS_ALL);
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-03",
				"--atlas.items-per-page=1");

		assertThat(run.exitCode()).isZero();
		List<SandboxExchange> exchanges = run.sandbox().exchanges();
		ApiContract contract = ApiContract.published();
		contract.assertRequestsHold(exchanges, today);
		contract.assertAnswersHold(exchanges, today);
		assertThat(exchanges).extracting(SandboxExchange::responseBody)
			.noneMatch((body) -> body != null && (body.contains("VERSION_GONE") || body.contains("INVALID_VERSION")));
		assertThat(exchanges).filteredOn((ex) -> ex.uri().contains("/flexClusters"))
			.isNotEmpty()
			.allSatisfy(
					(ex) -> assertThat(ex.requestHeader("accept")).isEqualTo("application/vnd.atlas.2024-11-13+json"));
		assertThat(exchanges).filteredOn((ex) -> ex.uri().matches(".*/groups/[0-9a-f]{24}/clusters.*"))
			.isNotEmpty()
			.allSatisfy(
					(ex) -> assertThat(ex.requestHeader("accept")).isEqualTo("application/vnd.atlas.2024-08-05+json"));

		Map<String, String> expected = new TreeMap<>();
		SandboxData data = run.sandbox().data();
		for (String org : ORGS) {
			for (int month = 1; month <= 3; month++) {
				YearMonth yearMonth = YearMonth.of(2024, month);
				Map<String, BigDecimal> byCluster = new TreeMap<>();
				data.lineItems(org, yearMonth)
					.stream()
					.filter((item) -> item.clusterId() != null)
					.forEach((item) -> byCluster.merge(item.clusterId() + " " + item.clusterName(), item.amount(),
							BigDecimal::add));
				byCluster.forEach((cluster, amount) -> expected.put(yearMonth.atDay(1) + " " + org + " " + cluster,
						amount.setScale(2).toPlainString()));
			}
		}
		assertThat(expected.keySet()).anySatisfy((key) -> assertThat(key).endsWith("playground-flex"))
			.anySatisfy((key) -> assertThat(key).endsWith("experiments-flex-b"));
		Map<String, String> view = new TreeMap<>();
		for (String row : SandboxRun.column(this.dir,
				"SELECT billing_month || ' ' || organization_id || ' ' || cluster_id || ' ' || cluster_name"
						+ " || '=' || amount FROM monthly_cost_by_cluster")) {
			view.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
		}
		assertThat(view).containsExactlyEntriesOf(expected);
	}

	@Test
	void aSunsetVersionFailsTheCallAtOnceNamingTheOperationTheVersionAndTheProperty(CapturedOutput output)
			throws Exception {
		Path job = write("clusters.yml", CLUSTERS_ALL);

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-01",
				"--atlas.api-versions.listClusters=2023-01-01");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(output).contains("410 VERSION_GONE: listClusters was sent API version 2023-01-01,"
				+ " which is past its sunset date: set atlas.api-versions.listClusters to a version the operation has");
		assertThat(run.sandbox().exchanges())
			.filteredOn(
					(ex) -> ex.responseBody() != null && ex.responseBody().contains("\"errorCode\":\"VERSION_GONE\""))
			.as("not retried: one refused call stops the discovery")
			.hasSize(1);
	}

	@Test
	void theDeprecatedGlobalVersionStillSetsTheCostExplorerAndWarns(CapturedOutput output) throws Exception {
		Path job = write("clusters.yml", CLUSTERS_ALL);

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-01", "--to=2024-01",
				"--atlas.api-version=2023-01-01");

		assertThat(run.exitCode()).isZero();
		assertThat(output).contains("atlas.api-version is deprecated and sets the Cost Explorer operations only");
		ApiContract.published().assertRequestsHold(run.sandbox().exchanges(), LocalDate.now(java.time.ZoneOffset.UTC));
	}

	private Path write(String name, String yaml) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, yaml);
		return file;
	}

}
