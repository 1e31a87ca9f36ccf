package com.atlascost.reports.usage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.atlas.AtlasApiException;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasClient;
import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.atlas.ScriptedAtlas;
import com.atlascost.reports.atlas.ScriptedAtlas.Answer;
import com.atlascost.reports.atlas.TestAtlasProperties;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.CostExplorerServices;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.IdSelection;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.plan.PlannedQuery;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxSettings;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Discovery against the sandbox over HTTP and a real database: what each grouping's
 * filter gets when the job file does not list its values, what is asked of Atlas (once
 * per organization and run) and which names are kept.
 */
class FilterDiscoveryTests {

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private static final MonthWindow MARCH = MonthWindow.of(YearMonth.of(2026, 3));

	private static final MonthWindow APRIL = MonthWindow.of(YearMonth.of(2026, 4));

	@TempDir
	Path dir;

	private AtlasSandbox sandbox;

	private JdbcClient jdbc;

	private FilterDiscovery discovery;

	@BeforeEach
	void start() {
		this.sandbox = AtlasSandbox.start(SandboxSettings.builder().processingDelay(Duration.ZERO).build());
		this.jdbc = JdbcClient.create(TestDatabase.h2().migrated(this.dir));
		AtlasClient atlas = AtlasClient.connect(
				new AtlasConnection(this.sandbox.baseUrl(), Optional.of(this.sandbox.serviceAccount())),
				TestAtlasProperties.of(), new AtlasMetrics(new SimpleMeterRegistry()));
		this.discovery = new FilterDiscovery(atlas.organizations(), atlas.clusters(),
				new DiscoveredNames(this.jdbc, Clock.systemUTC()));
	}

	@AfterEach
	void stop() {
		this.sandbox.stop();
	}

	@Test
	void theBillAsksForTheOrganizationAloneWhateverTheJobFileFilters() {
		OrganizationScope filtered = new OrganizationScope(ORG, "Acme", IdSelection.listed(List.of(project(0))),
				IdSelection.all(), IdSelection.listed(List.of("Clusters")));
		UsageQuery bill = this.discovery.filterOf(PlannedQuery.billOf(filtered, MARCH));
		assertThat(bill.organizations()).containsExactly(ORG);
		assertThat(bill.projects()).isEmpty();
		assertThat(bill.clusters()).isEmpty();
		assertThat(bill.services()).isEmpty();
		assertThat(bill.groupBy()).isEqualTo("organizations");
		assertThat(this.sandbox.counters().projectListings()).as("nothing to discover").isZero();
	}

	@Test
	void aPayingOrganizationsQueriesNameItsLinkedOrganizationsAndDiscoverTheirProjectsAndClusters() {
		OrganizationScope payer = new OrganizationScope(ORG, "Acme", IdSelection.all(), IdSelection.all(),
				IdSelection.notGiven());
		List<String> linked = List.of(SandboxData.ACME_SANDBOX);
		UsageQuery bill = this.discovery.filterOf(PlannedQuery.billOf(payer, MARCH).withLinkedOrganizations(linked));
		UsageQuery projects = this.discovery
			.filterOf(new PlannedQuery(payer, Grouping.PROJECTS, MARCH, false).withLinkedOrganizations(linked));
		UsageQuery clusters = this.discovery
			.filterOf(new PlannedQuery(payer, Grouping.CLUSTERS, MARCH, false).withLinkedOrganizations(linked));

		assertThat(bill.organizations()).containsExactly(ORG, SandboxData.ACME_SANDBOX);
		assertThat(projects.organizations()).containsExactly(ORG, SandboxData.ACME_SANDBOX);
		SandboxData data = this.sandbox.data();
		List<SandboxData.Project> both = new ArrayList<>(organization().projects());
		both.addAll(data.organization(SandboxData.ACME_SANDBOX).orElseThrow().projects());
		assertThat(projects.projects()).isEqualTo(both.stream().map(SandboxData.Project::id).sorted().toList());
		assertThat(clusters.clusters()).isEqualTo(both.stream()
			.flatMap((project) -> project.clusters().stream())
			.map(SandboxData.Cluster::id)
			.sorted()
			.toList());
		assertThat(this.jdbc
			.sql("SELECT name FROM discovered_resource WHERE org_id = ? AND kind = 'PROJECT'" + " ORDER BY name")
			.param(SandboxData.ACME_SANDBOX)
			.query(String.class)
			.list()).containsExactly("experiments", "playground");
	}

	@Test
	void allProjectsAreListedOncePerRunSortedAndTheirNamesKept() {
		OrganizationScope all = new OrganizationScope(ORG, "Acme", IdSelection.all(), IdSelection.notGiven(),
				IdSelection.notGiven());
		UsageQuery march = this.discovery.filterOf(new PlannedQuery(all, Grouping.PROJECTS, MARCH, false));
		UsageQuery april = this.discovery.filterOf(new PlannedQuery(all, Grouping.PROJECTS, APRIL, false));

		List<String> expected = organization().projects().stream().map(SandboxData.Project::id).sorted().toList();
		assertThat(march.projects()).isEqualTo(expected).isEqualTo(april.projects());
		assertThat(march.organizations()).containsExactly(ORG);
		assertThat(this.sandbox.counters().projectListings()).as("one listing for both windows").isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT resource_id || '=' || name FROM discovered_resource WHERE kind = 'PROJECT'"
					+ " ORDER BY resource_id")
			.query(String.class)
			.list())
			.isEqualTo(organization().projects()
				.stream()
				.sorted(java.util.Comparator.comparing(SandboxData.Project::id))
				.map((project) -> project.id() + "=" + project.name())
				.toList());
	}

	@Test
	void allClustersAreThoseOfTheListedProjectsDedicatedAndFlex() {
		SandboxData.Project first = organization().projects().get(0);
		OrganizationScope listedProject = new OrganizationScope(ORG, "Acme", IdSelection.listed(List.of(first.id())),
				IdSelection.all(), IdSelection.notGiven());
		UsageQuery clusters = this.discovery.filterOf(new PlannedQuery(listedProject, Grouping.CLUSTERS, MARCH, false));

		assertThat(clusters.clusters())
			.isEqualTo(first.clusters().stream().map(SandboxData.Cluster::id).sorted().toList());
		assertThat(clusters.projects()).as("the job file's project filter applies").containsExactly(first.id());
		assertThat(this.sandbox.counters().projectListings()).as("listed projects are not discovered").isZero();
		assertThat(this.sandbox.counters().clusterListings()).isPositive();
	}

	/**
	 * Ids from a listing that would leave their filter or path: refused in every
	 * grouping, naming the listing and the value, before any request carries them.
	 */
	@Test
	void idsFromAListingThatAreNoIdsAreRefusedInEveryGrouping() {
		String project = "5f0c2a3b4d5e6f7081920aaa";
		try (ScriptedAtlas atlas = ScriptedAtlas.answering((uri) -> Answer.ok(uri.contains("/clusters")
				? "{\"results\": [{\"id\": \"../../../api/oauth/token\", \"name\": \"c\"}], \"totalCount\": 1}"
				: "{\"results\": [{\"id\": \"..\", \"name\": \"p\"}], \"totalCount\": 1}"))) {
			AtlasClient client = atlas.client();
			FilterDiscovery hostile = new FilterDiscovery(client.organizations(), client.clusters(),
					new DiscoveredNames(this.jdbc, Clock.systemUTC()));
			OrganizationScope allProjects = new OrganizationScope(ORG, "Acme", IdSelection.all(),
					IdSelection.notGiven(), IdSelection.notGiven());
			OrganizationScope oneProject = new OrganizationScope(ORG, "Acme", IdSelection.listed(List.of(project)),
					IdSelection.all(), IdSelection.notGiven());

			assertThatExceptionOfType(AtlasApiException.class)
				.isThrownBy(() -> hostile.filterOf(new PlannedQuery(allProjects, Grouping.PROJECTS, MARCH, false)))
				.withMessage("list projects for org " + ORG + " failed: 200 UNEXPECTED_ANSWER: id: '..' in the listing"
						+ " of organization " + ORG + " is not an Atlas id (24 hex digits); not used");
			assertThatExceptionOfType(AtlasApiException.class)
				.isThrownBy(() -> hostile.filterOf(new PlannedQuery(oneProject, Grouping.CLUSTERS, MARCH, false)))
				.withMessage("list clusters for org " + ORG + " failed: 200 UNEXPECTED_ANSWER:"
						+ " id: '../../../api/oauth/token' in the listing of project " + project
						+ " is not an Atlas id (24 hex digits); not used");
			assertThat(atlas.requests()).extracting((request) -> request.replaceAll("\\?.*", ""))
				.containsExactly("GET /api/atlas/v2/orgs/" + ORG + "/groups",
						"GET /api/atlas/v2/groups/" + project + "/clusters");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM discovered_resource").query(Long.class).single()).isZero();
		}
	}

	@Test
	void servicesAreTheDocumentedListAndListedValuesAreKeptAsGivenButSorted() {
		OrganizationScope all = new OrganizationScope(ORG, "Acme", IdSelection.listed(List.of(project(1), project(0))),
				IdSelection.notGiven(), IdSelection.all());
		UsageQuery services = this.discovery.filterOf(new PlannedQuery(all, Grouping.SERVICES, MARCH, true));
		assertThat(services.services()).isEqualTo(CostExplorerServices.ALL.stream().sorted().distinct().toList());
		assertThat(services.projects()).containsExactly(project(0), project(1));
		assertThat(services.includePartialMatches()).isTrue();
		assertThat(this.sandbox.counters().projectListings() + this.sandbox.counters().clusterListings()).isZero();
	}

	@Test
	void anOrganizationAtlasDoesNotKnowFailsTheDiscoveryNamingIt() {
		String empty = "0123456789abcdef01234567";
		OrganizationScope unknown = new OrganizationScope(empty, "Nobody", IdSelection.all(), IdSelection.notGiven(),
				IdSelection.notGiven());
		assertThatExceptionOfType(AtlasApiException.class)
			.isThrownBy(() -> this.discovery.filterOf(new PlannedQuery(unknown, Grouping.PROJECTS, MARCH, false)))
			.withMessageContaining("list projects for org " + empty + " failed: 404")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM discovered_resource").query(Long.class).single()).isZero();
	}

	private static SandboxData.Organization organization() {
		return new SandboxData(java.time.Clock.systemUTC()).organization(ORG).orElseThrow();
	}

	private static String project(int index) {
		return organization().projects().get(index).id();
	}

}
