package com.atlascost.reports.job;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.plan.PlannedQuery;
import com.atlascost.reports.plan.QueryPlanner;
import com.atlascost.reports.usage.DoneQueries;
import com.atlascost.reports.usage.LatestQuery;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * A run whose report is rebuilt from the database ({@code --report-only}, or a rerun of a
 * completed run): each query the job plans is served by the latest DONE stored query of
 * its organization, grouping and month (the bill by the latest DONE bill), whatever its
 * filters, as the reporting views choose. Nothing is discovered, registered or fetched,
 * so Atlas is called for nothing. When something of the range was never stored, the run
 * is refused before anything is written, naming what is missing.
 */
@Component
public class StoredRun {

	private static final Logger logger = LoggerFactory.getLogger(StoredRun.class);

	private final JobFiles jobFiles;

	private final QueryPlanner planner;

	private final DoneQueries done;

	StoredRun(JobFiles jobFiles, QueryPlanner planner, DoneQueries done) {
		this.jobFiles = jobFiles;
		this.planner = planner;
		this.done = done;
	}

	/**
	 * Checks that everything the run's report needs is stored.
	 * @throws InvalidInputException naming, by organization and grouping, the months that
	 * are not
	 */
	public void requireStored(RunParameters run) {
		plan(run);
	}

	/**
	 * Hands the run's stored queries to the steps that follow, as the plan step does with
	 * those it registers.
	 */
	void putPlan(RunParameters run, ExecutionContext context) {
		Plan plan = plan(run);
		RunContext.putQueryIds(context, plan.all());
		RunContext.putIds(context, RunContext.BREAKDOWN_QUERY_IDS, plan.breakdowns());
		RunContext.putIds(context, RunContext.BILL_QUERY_IDS, plan.bills());
		logger.info("Rebuilding the report of {} from {} stored queries, {} of them bills; Atlas is not called",
				run.describe(), plan.all().size(), plan.bills().size());
	}

	private Plan plan(RunParameters run) {
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		MonthWindow first = MonthWindow.of(run.range().from());
		MonthWindow last = MonthWindow.of(run.range().to());
		Map<String, Map<LatestQuery, Long>> stored = new LinkedHashMap<>();
		List<Long> all = new ArrayList<>();
		List<Long> breakdowns = new ArrayList<>();
		List<Long> bills = new ArrayList<>();
		Map<String, List<YearMonth>> missing = new LinkedHashMap<>();
		for (PlannedQuery query : this.planner.plan(job, run.range())) {
			LatestQuery wanted = query.bill() ? LatestQuery.billOf(query.window())
					: new LatestQuery(query.grouping(), query.window(), false);
			Long id = stored
				.computeIfAbsent(query.organization().id(), (org) -> this.done.latest(org, first.start(), last.end()))
				.get(wanted);
			if (id == null) {
				missing.computeIfAbsent(what(query), (key) -> new ArrayList<>()).add(query.window().month());
				continue;
			}
			all.add(id);
			if (query.bill()) {
				bills.add(id);
			}
			if (query.breakdown()) {
				breakdowns.add(id);
			}
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException(problems(run, missing));
		}
		return new Plan(all, breakdowns, bills);
	}

	private static String what(PlannedQuery query) {
		String label = query.organization().label() + " (" + query.organization().id() + ")";
		return (query.role() == PlannedQuery.Role.BILL) ? label + ": the bill"
				: label + ": " + query.grouping().apiName();
	}

	private static List<String> problems(RunParameters run, Map<String, List<YearMonth>> missing) {
		List<String> problems = new ArrayList<>();
		missing.forEach((what, months) -> problems.add("Not stored, so the report of " + run.describe()
				+ " cannot be rebuilt from the database: " + what + " of " + months(months)));
		problems.add("Nothing was called or written: run without --report-only to fetch what is missing (a rerun"
				+ " of a completed run: pass --refresh)");
		return problems;
	}

	/** Months in order, runs of consecutive months as "2026-01 to 2026-03". */
	static String months(List<YearMonth> months) {
		List<String> spans = new ArrayList<>();
		List<YearMonth> sorted = months.stream().sorted().distinct().toList();
		int i = 0;
		while (i < sorted.size()) {
			int j = i;
			while (j + 1 < sorted.size() && sorted.get(j + 1).equals(sorted.get(j).plusMonths(1))) {
				j++;
			}
			spans.add((i == j) ? sorted.get(i).toString() : sorted.get(i) + " to " + sorted.get(j));
			i = j + 1;
		}
		return String.join(", ", spans);
	}

	/**
	 * The run's stored queries: all of them, those of the job's groupings and those of
	 * the organizations' bills (a query may be in both).
	 */
	private record Plan(List<Long> all, List<Long> breakdowns, List<Long> bills) {
	}

}
