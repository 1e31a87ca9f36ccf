package com.atlascost.reports.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageRows;

/**
 * Everything one run's report shows.
 *
 * @param jobName the job file's {@code name}
 * @param from first month, inclusive
 * @param to last month, inclusive
 * @param groupings the job's groupings, in the job file's order
 * @param rows every stored usage row of the run's queries, in the order the detail sheet
 * lists them; the report reads them once
 * @param parameters the run's parameters as shown on the run-info sheet (never secrets)
 * @param apiVersion the Atlas API version the usage was fetched with
 * @param generatedAt when the report was written
 * @param provisionalMonths months whose amounts may still change: every month a
 * provisional query covers, so a Detail line is marked as it is written
 * @param includePartialMatches whether the queries asked for partial matches (it explains
 * why groupings can total differently)
 * @param queryCounts the run's queries by state, for the run-info sheet
 * @param budgets the job file's monthly budgets
 * @param runSummary what the run did, in the order shown
 * @param bills each organization's complete bill of each month: the headline the summary,
 * budgets and reconciliation use
 * @param forecasts the open month's forecast of each organization that has one
 */
public record ReportRequest(String jobName, YearMonth from, YearMonth to, List<Grouping> groupings, UsageRows rows,
		Map<String, String> parameters, String apiVersion, Instant generatedAt, SortedSet<YearMonth> provisionalMonths,
		boolean includePartialMatches, Map<String, Long> queryCounts, List<Budget> budgets, RunSummary runSummary,
		List<StoredBill> bills, List<MonthEndForecast> forecasts) {

	public ReportRequest {
		bills = List.copyOf(bills);
		forecasts = List.copyOf(forecasts);
	}

}
