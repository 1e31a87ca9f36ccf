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
		assertThat(queries).hasSize(2 * 2 * 3);
		assertThat(queries).extracting(PlannedQuery::window)
			.filteredOn((w) -> w.month().equals(YearMonth.of(2026, 1)))
			.hasSize(4);
		assertThat(queries).extracting((q) -> q.organization().id() + "/" + q.grouping() + "/" + q.window().month())
			.doesNotHaveDuplicates();
	}

}
