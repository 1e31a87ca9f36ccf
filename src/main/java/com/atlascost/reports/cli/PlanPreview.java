package com.atlascost.reports.cli;

import java.io.PrintStream;
import java.util.List;

import com.atlascost.reports.job.RunParameters;
import com.atlascost.reports.plan.IdSelection;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.plan.PlannedQuery;
import com.atlascost.reports.plan.QueryPlanner;

import org.springframework.stereotype.Component;

/**
 * {@code --plan}: the windows and queries a run would make, from the validated job file
 * and months, and where each month's usage would come from. Nothing is called or written.
 * There is no usage cache yet, so every month is fetched.
 */
@Component
class PlanPreview {

	private final QueryPlanner planner;

	PlanPreview(QueryPlanner planner) {
		this.planner = planner;
	}

	void print(JobDefinition job, RunParameters run, PrintStream out) {
		List<MonthWindow> windows = run.range().windows();
		List<PlannedQuery> queries = this.planner.plan(job, run.range());
		out.println("Plan for job '" + job.name() + "' (" + run.jobFile() + "), " + run.range().from() + " to "
				+ run.range().to() + ": " + windows.size() + " windows x " + job.organizations().size()
				+ " organizations x " + job.groupings().size() + " groupings = " + queries.size() + " queries");
		out.println("Windows:");
		for (MonthWindow window : windows) {
			out.println("  " + window.month() + "  [" + window.start() + ", " + window.end() + ")  fetch");
		}
		out.println("Organizations:");
		for (OrganizationScope org : job.organizations()) {
			out.println("  " + org.id() + "  " + org.label() + "  projects: " + describe(org.projects())
					+ ", clusters: " + describe(org.clusters()) + ", services: " + describe(org.services()));
		}
		out.println("Queries:");
		for (PlannedQuery query : queries) {
			out.println("  " + query.organization().id() + "  " + query.grouping().apiName() + "  "
					+ query.window().month() + "  fetch");
		}
		out.println("Nothing was called or written (--plan). Run without --plan to fetch.");
		out.flush();
	}

	private static String describe(IdSelection selection) {
		return switch (selection.kind()) {
			case NOT_GIVEN -> "not filtered";
			case ALL -> "all";
			case LISTED -> String.join(" ", selection.values());
		};
	}

}
