package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;

/**
 * A budget of the job file read against the report: who it is for, as shown, and its
 * actual of each month. An organization's actual is its complete bill; a project's comes
 * from the projects grouping, which the job file reader requires for project budgets.
 *
 * @param budget the budget as the job file gives it
 * @param organizationLabel the organization's label
 * @param projectName the project's name, the "(whole organization)" label, or "(no
 * usage)" for a project without rows
 * @param projectLine the project's line of the projects grouping, if it has one
 */
record BudgetLine(Budget budget, String organizationLabel, String projectName, Optional<GroupingLine> projectLine) {

	static List<BudgetLine> of(ReportContents contents, ReportMessages messages) {
		return contents.request().scope().budgets().stream().map((budget) -> of(contents, messages, budget)).toList();
	}

	private static BudgetLine of(ReportContents contents, ReportMessages messages, Budget budget) {
		String label = contents.organizations()
			.stream()
			.filter((org) -> org.id().equals(budget.organizationId()))
			.map(ReportOrganization::label)
			.findFirst()
			.orElse(budget.organizationId());
		Optional<GroupingLine> projectLine = (budget.projectId() != null) ? contents.linesOf(Grouping.PROJECTS)
			.stream()
			.filter((line) -> line.organization().id().equals(budget.organizationId())
					&& budget.projectId().equals(line.dimensionId()))
			.findFirst() : Optional.empty();
		String name = (budget.projectId() == null) ? messages.get("budget.wholeOrganization")
				: projectLine.map(GroupingLine::dimensionName).orElse(messages.get("budget.noUsage"));
		return new BudgetLine(budget, label, name, projectLine);
	}

	boolean wholeOrganization() {
		return this.budget.projectId() == null;
	}

	@Nullable String projectId() {
		return this.budget.projectId();
	}

	BigDecimal monthly() {
		return this.budget.monthly();
	}

	/**
	 * The actual of a month on the job's budget basis: an organization's billed amount
	 * (its usage when the month has no invoice; the open month's billed so far) or its
	 * usage; a project's usage from the projects grouping, which has no invoice.
	 */
	BigDecimal actual(ReportContents contents, YearMonth month) {
		return wholeOrganization() ? contents.amounts()
			.budgetActual(this.budget.organizationId(), month, contents.request().scope().accounting().budgetBasis())
				: this.projectLine.map((line) -> line.amount(month)).orElse(BigDecimal.ZERO);
	}

	/**
	 * The months a year to date of this month adds up: those of its fiscal year (the
	 * job's {@code fiscalYearStart}) the report shows, up to it. The open month is never
	 * one: its actual is a few days'.
	 */
	static List<YearMonth> yearToDate(ReportContents contents, YearMonth month) {
		YearMonth start = contents.request().scope().accounting().fiscalYearOf(month);
		return contents.months()
			.all()
			.stream()
			.filter((m) -> !m.isBefore(start) && !m.isAfter(month))
			.filter((m) -> contents.openMonth().filter(m::equals).isEmpty())
			.toList();
	}

}
