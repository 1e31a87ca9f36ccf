package com.atlascost.reports.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageRows;

/**
 * Everything one run's report shows.
 *
 * @param scope what the report covers
 * @param rows every stored usage row of the run's queries, in the order the detail sheet
 * lists them; the report reads them once
 * @param billing the organizations' bills and forecasts
 * @param run the run the report comes from, for the run-info sheet and the summary
 */
public record ReportRequest(Scope scope, UsageRows rows, Billing billing, RunInfo run) {

	/**
	 * What the report covers.
	 *
	 * @param jobName the job file's {@code name}
	 * @param from first month, inclusive
	 * @param to last month, inclusive
	 * @param provisionalMonths months whose amounts may still change: every month a
	 * provisional query covers, so a Detail line is marked as it is written
	 * @param groupings the job's groupings, in the job file's order
	 * @param includePartialMatches whether the queries asked for partial matches (it
	 * explains why groupings can total differently)
	 * @param budgets the job file's monthly budgets
	 * @param accounting the fiscal year and the amount budgets are held against
	 */
	public record Scope(String jobName, YearMonth from, YearMonth to, SortedSet<YearMonth> provisionalMonths,
			List<Grouping> groupings, boolean includePartialMatches, List<Budget> budgets, Accounting accounting) {

		/** Calendar years, budgets against the bill. */
		public Scope(String jobName, YearMonth from, YearMonth to, SortedSet<YearMonth> provisionalMonths,
				List<Grouping> groupings, boolean includePartialMatches, List<Budget> budgets) {
			this(jobName, from, to, provisionalMonths, groupings, includePartialMatches, budgets,
					Accounting.defaults());
		}

	}

	/**
	 * The headline amounts.
	 *
	 * @param bills each organization's complete usage of each month (the bill queries):
	 * the usage the reconciliation and the trend use
	 * @param forecasts the open month's usage forecast of each organization that has one
	 * @param amounts the three amounts (usage, billed, accrual) per billing account: the
	 * Summary's headline, the budgets' and the mail's
	 */
	public record Billing(List<StoredBill> bills, List<MonthEndForecast> forecasts, BillingAmounts amounts) {

		public Billing {
			bills = List.copyOf(bills);
			forecasts = List.copyOf(forecasts);
		}

		/**
		 * Without invoices: every closed month's headline is its usage, marked so; the
		 * open month (the forecasts') is the usage forecast.
		 */
		public Billing(List<StoredBill> bills, List<MonthEndForecast> forecasts) {
			this(bills, forecasts, BillingAmounts.of(Map.of(), bills, List.of(), forecasts,
					forecasts.stream().map(MonthEndForecast::month).findFirst()));
		}

	}

	/**
	 * The run the report comes from.
	 *
	 * @param parameters the run's parameters as Run info shows them (never secrets)
	 * @param apiVersion the Atlas API version the usage was fetched with
	 * @param generatedAt when the report was written
	 * @param queryCounts the run's queries by state
	 * @param summary what the run did, in the order shown
	 */
	public record RunInfo(Map<String, String> parameters, String apiVersion, Instant generatedAt,
			Map<String, Long> queryCounts, RunSummary summary) {
	}

}
