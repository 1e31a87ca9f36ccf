package com.atlascost.reports.plan;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryPlannerTests {

	@Test
	void oneQueryPerOrganizationGroupingAndWindow() {
		OrganizationScope a = new OrganizationScope("aaaaaaaaaaaaaaaaaaaaaaaa", "A", IdSelection.all(),
				IdSelection.notGiven(), IdSelection.notGiven());
		OrganizationScope b = new OrganizationScope("bbbbbbbbbbbbbbbbbbbbbbbb", "B", IdSelection.all(),
				IdSelection.notGiven(), IdSelection.notGiven());
		JobDefinition job = new JobDefinition(Path.of("jobs/x.yml"), "x", 6,
				List.of(Grouping.PROJECTS, Grouping.SERVICES), false, List.of(a, b));
		List<PlannedQuery> queries = new QueryPlanner().plan(job,
				new MonthRange(YearMonth.of(2025, 12), YearMonth.of(2026, 2)));
		// and one bill per organization and window
		assertThat(queries).hasSize(2 * 2 * 3 + 2 * 3);
		assertThat(queries).extracting(PlannedQuery::window)
			.filteredOn((w) -> w.month().equals(YearMonth.of(2026, 1)))
			.hasSize(6);
		assertThat(queries).extracting((q) -> q.organization().id() + "/" + q.grouping() + "/" + q.window().month())
			.doesNotHaveDuplicates();
		assertThat(queries).filteredOn(PlannedQuery::bill)
			.hasSize(6)
			.allSatisfy((bill) -> assertThat(bill.grouping()).isEqualTo(Grouping.ORGANIZATIONS))
			.allMatch(PlannedQuery::unfiltered);
		assertThat(queries).filteredOn((q) -> !q.bill()).hasSize(12).noneMatch(PlannedQuery::unfiltered);
	}

	@Test
	void anUnfilteredOrganizationsGroupingIsTheBillAndIsNotAskedTwice() {
		OrganizationScope all = new OrganizationScope("aaaaaaaaaaaaaaaaaaaaaaaa", "A", IdSelection.all(),
				IdSelection.notGiven(), IdSelection.all());
		OrganizationScope filtered = new OrganizationScope("bbbbbbbbbbbbbbbbbbbbbbbb", "B",
				IdSelection.listed(List.of("6a1b2c3d4e5f60718293a4b1")), IdSelection.notGiven(),
				IdSelection.notGiven());
		JobDefinition job = new JobDefinition(Path.of("jobs/x.yml"), "x", 6,
				List.of(Grouping.ORGANIZATIONS, Grouping.PROJECTS), true, List.of(all, filtered));
		List<PlannedQuery> queries = new QueryPlanner().plan(job,
				new MonthRange(YearMonth.of(2026, 1), YearMonth.of(2026, 2)));
		// A: its organizations grouping is its bill; B: its project filter applies to the
		// grouping, so the bill is one more query
		assertThat(queries).hasSize(2 * 2 * 2 + 2);
		assertThat(queries).filteredOn((q) -> q.organization() == all)
			.filteredOn(PlannedQuery::bill)
			.hasSize(2)
			.allSatisfy((bill) -> assertThat(bill.includePartialMatches()).isTrue());
		assertThat(queries).filteredOn((q) -> q.organization() == filtered)
			.filteredOn(PlannedQuery::bill)
			.hasSize(2)
			.allSatisfy((bill) -> assertThat(bill.includePartialMatches()).isFalse());
		assertThat(queries).filteredOn((q) -> q.organization() == filtered && q.grouping() == Grouping.ORGANIZATIONS)
			.hasSize(4)
			.filteredOn((q) -> !q.bill())
			.noneMatch(PlannedQuery::unfiltered);
	}

}
