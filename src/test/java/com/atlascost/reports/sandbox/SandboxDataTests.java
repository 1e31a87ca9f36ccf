package com.atlascost.reports.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;

class SandboxDataTests {

	private static final YearMonth JULY_2024 = YearMonth.of(2024, 7);

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private final SandboxData data = new SandboxData(
			Clock.fixed(LocalDate.of(2024, 10, 15).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	private final List<String> productionProjects = this.data.organization(ORG)
		.orElseThrow()
		.projects()
		.stream()
		.map(SandboxData.Project::id)
		.toList();

	@Test
	void fleetOrganizationsExistByTheirIdOnlyWithAProjectAndAClusterEach() {
		String fleetOrg = SandboxData.fleetOrganizationId(1000);
		assertThat(fleetOrg).isEqualTo("f1ee700000000000000003e8");

		SandboxData.Organization org = this.data.organization(fleetOrg).orElseThrow();
		assertThat(org.name()).isEqualTo("Fleet 3e8");
		assertThat(org.projects()).singleElement().satisfies((project) -> {
			assertThat(project.id()).isEqualTo("6af1e00000000000000003e8");
			assertThat(project.clusters()).extracting(SandboxData.Cluster::id)
				.containsExactly("7bf1e00000000000000003e8");
		});
		List<UsageDetail> bill = this.data.usageFor(fleetOrg, new UsageQuery(JULY_2024.atDay(1),
				JULY_2024.plusMonths(1).atDay(1), List.of(), List.of(), List.of(), List.of(), "organizations", false));
		assertThat(bill).singleElement().satisfies((row) -> {
			assertThat(row.organizationId()).isEqualTo(fleetOrg);
			assertThat(row.usageAmount()).isEqualByComparingTo(this.data.lineItems(fleetOrg, JULY_2024)
				.stream()
				.map(SandboxData.LineItem::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		});
		// its project leads to it, as a cluster listing needs
		assertThat(this.data.organizationOfProject("6af1e00000000000000003e8")).contains(org);
		assertThat(this.data.project("6af1e00000000000000003e8")).contains(org.projects().get(0));
		assertThat(this.data.organizationOfProject("6a1b2c3d4e5f60718293a4b1").orElseThrow().id()).isEqualTo(ORG);
		assertThat(this.data.project("6af1e000000000000000000g")).isEmpty();
		// listed organizations stay the named ones; other unknown ids stay unknown
		assertThat(this.data.organizations()).noneMatch((named) -> named.id().equals(fleetOrg));
		assertThat(this.data.organization("f1ee7000000000000000000g")).isEmpty();
		assertThat(this.data.organization("5f0c2a3b4d5e6f7081929999")).isEmpty();
	}

	@Test
	void isDeterministic() {
		assertThat(this.data.lineItems(ORG, JULY_2024))
			.isEqualTo(new SandboxData(Clock.systemUTC()).lineItems(ORG, JULY_2024));
	}

	@Test
	void hasEveryKindOfCharge() {
		List<SandboxData.LineItem> items = this.data.lineItems(ORG, JULY_2024);

		assertThat(items).anySatisfy((item) -> assertThat(item).matches(orgLevel("Support")));
		assertThat(items).filteredOn((item) -> item.service().equals("Credits")).isNotEmpty().allSatisfy((credit) -> {
			assertThat(credit.amount()).isNegative();
			assertThat(credit.projectId()).isNull();
		});
		assertThat(items).anySatisfy((item) -> {
			assertThat(item.service()).isIn("Data Transfer", "Backup");
			assertThat(item.projectId()).isNotNull();
			assertThat(item.clusterId()).isNull();
		});
		assertThat(items).anySatisfy((item) -> {
			assertThat(item.service()).isIn("Clusters", "Storage");
			assertThat(item.clusterId()).isNotNull();
		});
		assertThat(items).allSatisfy((item) -> {
			assertThat(item.amount().scale()).isEqualTo(2);
			assertThat(item.amount().abs()).isBetween(new BigDecimal("10.00"), new BigDecimal("9999.99"));
		});
	}

	@Test
	void billsTheOpenMonthPartlyAndLaterMonthsNotAtAll() {
		BigDecimal september = total(this.data.lineItems(ORG, YearMonth.of(2024, 9)));
		BigDecimal october = total(this.data.lineItems(ORG, YearMonth.of(2024, 10)));

		assertThat(october).isPositive().isLessThan(september);
		assertThat(this.data.lineItems(ORG, YearMonth.of(2024, 11))).isEmpty();
	}

	@Test
	void leavesOrgLevelChargesOutOfAProjectFilterUnlessPartialMatchesAreIncluded() {
		List<UsageDetail> strict = this.data.usageFor(ORG, query("projects", this.productionProjects, false));
		List<UsageDetail> partial = this.data.usageFor(ORG, query("projects", this.productionProjects, true));

		assertThat(strict).allSatisfy((row) -> assertThat(row.groupId()).isIn(this.productionProjects));
		assertThat(partial).anySatisfy((row) -> assertThat(row.groupId()).isNull());
		BigDecimal orgLevel = total(
				this.data.lineItems(ORG, JULY_2024).stream().filter((item) -> item.projectId() == null).toList());
		assertThat(amounts(partial).subtract(amounts(strict))).isEqualByComparingTo(orgLevel);
		assertThat(amounts(partial)).isEqualByComparingTo(total(this.data.lineItems(ORG, JULY_2024)));
	}

	@Test
	void groupingsOfTheSameChargesAddUpToTheSameTotal() {
		List<String> allServices = this.data.lineItems(ORG, JULY_2024)
			.stream()
			.map(SandboxData.LineItem::service)
			.distinct()
			.toList();
		BigDecimal byOrganization = amounts(this.data.usageFor(ORG, query("organizations", List.of(ORG), false)));
		BigDecimal byService = amounts(this.data.usageFor(ORG, query("services", allServices, false)));

		assertThat(byOrganization).isEqualByComparingTo(total(this.data.lineItems(ORG, JULY_2024)));
		assertThat(byService).isEqualByComparingTo(byOrganization);
		assertThat(this.data.usageFor(ORG, query("services", allServices, false))).extracting(UsageDetail::service)
			.containsExactlyInAnyOrderElementsOf(allServices);
	}

	@Test
	void answersOneRowPerDimensionValueAndMonthWithTheGroupedFieldsOnly() {
		UsageQuery clusters = new UsageQuery(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 1), List.of(), List.of(),
				List.of("7b1c2d3e4f5a60718293b4c1", "7b1c2d3e4f5a60718293b4c3"), List.of("Clusters"), "clusters",
				false);

		List<UsageDetail> rows = this.data.usageFor(ORG, clusters);

		assertThat(rows).hasSize(4).allSatisfy((row) -> {
			assertThat(row.organizationId()).isEqualTo(ORG);
			assertThat(row.organizationName()).isEqualTo("Acme Production");
			assertThat(row.clusterName()).isNotNull();
			assertThat(row.groupId()).isNull();
			assertThat(row.service()).isNull();
			assertThat(row.invoiceId()).matches("[a-f0-9]{24}");
			assertThat(row.usageDate().getDayOfMonth()).isEqualTo(1);
		});
		assertThat(rows).extracting(UsageDetail::usageDate)
			.containsExactly(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1),
					LocalDate.of(2024, 8, 1));
	}

	@Test
	void coversLinkedOrganizationsListedInTheFilter() {
		UsageQuery twoOrgs = query("organizations", List.of(ORG, SandboxData.ACME_ANALYTICS), false);

		assertThat(this.data.usageFor(ORG, twoOrgs)).extracting(UsageDetail::organizationName)
			.containsExactly("Acme Production", "Acme Analytics");
	}

	private static UsageQuery query(String groupBy, List<String> values, boolean includePartialMatches) {
		return new UsageQuery(JULY_2024.atDay(1), JULY_2024.plusMonths(1).atDay(1),
				groupBy.equals("organizations") ? values : List.of(), groupBy.equals("projects") ? values : List.of(),
				List.of(), groupBy.equals("services") ? values : List.of(), groupBy, includePartialMatches);
	}

	private static Predicate<SandboxData.LineItem> orgLevel(String service) {
		return (item) -> item.service().equals(service) && item.projectId() == null && item.clusterId() == null;
	}

	private static BigDecimal total(List<SandboxData.LineItem> items) {
		return items.stream().map(SandboxData.LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal amounts(List<UsageDetail> rows) {
		return rows.stream().map(UsageDetail::usageAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
