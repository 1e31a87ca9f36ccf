package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.atlascost.reports.report.ReportRequestFixture.NOV;
import static com.atlascost.reports.report.ReportRequestFixture.OCT;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_A;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_B;
import static com.atlascost.reports.report.ReportRequestFixture.P1;
import static com.atlascost.reports.report.ReportRequestFixture.SEP;
import static com.atlascost.reports.report.ReportRequestFixture.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

class GroupingTableTests {

	private static final GroupingDimension PROJECTS = new GroupingDimension(Grouping.PROJECTS,
			ReportRequestFixture.english());

	private static final List<ReportOrganization> ORGS = List.of(new ReportOrganization(ORG_B, "Acme Labs"),
			new ReportOrganization(ORG_A, "Acme Production"));

	@Test
	void aRenamedProjectStaysOneLineUnderItsLatestName() {
		List<StoredUsage> rows = List.of(project(1, ORG_A, SEP, P1, "checkout-old", "10.00"),
				project(2, ORG_A, NOV, P1, "checkout", "5.00"), project(3, ORG_A, OCT, P1, "checkout-mid", "1.00"));
		List<GroupingLine> lines = GroupingTable.lines(PROJECTS, rows, ORGS);
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.dimensionName()).isEqualTo("checkout");
			assertThat(line.dimensionId()).isEqualTo(P1);
			assertThat(line.total()).isEqualByComparingTo("16.00");
			assertThat(line.amount(OCT)).isEqualByComparingTo("1.00");
		});
	}

	@Test
	void usageWithoutAProjectIsOneLinePerOrganization() {
		List<StoredUsage> rows = List.of(project(1, ORG_A, SEP, null, null, "3.00"),
				project(2, ORG_A, OCT, null, null, "-1.00"), project(3, ORG_B, SEP, null, null, "2.00"));
		List<GroupingLine> lines = GroupingTable.lines(PROJECTS, rows, ORGS);
		assertThat(lines)
			.extracting((line) -> line.organization().label(), GroupingLine::dimensionName, GroupingLine::total)
			.containsExactly(tuple("Acme Labs", "(no project)", new BigDecimal("2.00")),
					tuple("Acme Production", "(no project)", new BigDecimal("2.00")));
	}

	@Test
	void linesAreSortedByTotalDescendingThenByOrganizationAndName() {
		List<StoredUsage> rows = List.of(project(1, ORG_A, SEP, "64a1b2c3d4e5f60718293a0a", "b", "5.00"),
				project(1, ORG_A, SEP, "64a1b2c3d4e5f60718293a0b", "a", "5.00"),
				project(1, ORG_B, SEP, "64a1b2c3d4e5f60718293a0c", "z", "5.00"),
				project(1, ORG_A, SEP, "64a1b2c3d4e5f60718293a0d", "big", "7.00"),
				project(1, ORG_A, SEP, "64a1b2c3d4e5f60718293a0e", "credit", "-7.00"));
		assertThat(GroupingTable.lines(PROJECTS, rows, ORGS)).extracting(GroupingLine::dimensionName)
			.containsExactly("big", "z", "a", "b", "credit");
	}

}
