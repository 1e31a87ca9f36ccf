package com.atlascost.reports.notify;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Delivery;
import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageRows;

/**
 * What one run delivers.
 *
 * @param run the run and its months
 * @param files what the report step wrote
 * @param job what the job file says of delivery, budgets and organizations
 * @param amounts the run's stored amounts
 */
public record DeliveryRequest(Run run, Files files, JobFile job, Amounts amounts) {

	/** The forecast of an organization's bill for the last month, if the run has one. */
	Optional<MonthEndForecast> forecast(String organizationId) {
		return this.amounts.forecasts()
			.stream()
			.filter((forecast) -> forecast.organizationId().equals(organizationId)
					&& forecast.month().equals(this.run.to()))
			.findFirst();
	}

	/** "2026-01 to 2026-03": the months, as subjects and texts name them. */
	String months() {
		return this.run.from().equals(this.run.to()) ? this.run.from().toString()
				: this.run.from() + " to " + this.run.to();
	}

	/**
	 * @param jobName the job file's name
	 * @param key the run's job instance: the report mail is sent once per run
	 * @param from first month, inclusive
	 * @param to last month, inclusive
	 * @param provisionalMonths months whose amounts may still change
	 */
	public record Run(String jobName, long key, YearMonth from, YearMonth to, SortedSet<YearMonth> provisionalMonths) {
	}

	/**
	 * @param workbook the written workbook
	 * @param focusCsv the written FOCUS CSV
	 */
	public record Files(Path workbook, Path focusCsv) {
	}

	/**
	 * @param delivery the job file's delivery block
	 * @param budgets the job file's budgets
	 * @param organizations organization id to label, in the job file's order
	 * @param accounting the amount budgets are held against
	 */
	public record JobFile(Delivery delivery, List<Budget> budgets, Map<String, String> organizations,
			Accounting accounting) {

		/** Budgets against the bill. */
		public JobFile(Delivery delivery, List<Budget> budgets, Map<String, String> organizations) {
			this(delivery, budgets, organizations, Accounting.defaults());
		}

	}

	/**
	 * @param bills each organization's complete bill per month (the run's bill queries)
	 * @param forecasts the month-end forecasts of the open month, when the run reaches
	 * it; empty otherwise
	 * @param rows the run's stored usage of its groupings (projects, services)
	 * @param billing the three amounts per billing account, as the Summary shows them
	 */
	public record Amounts(List<StoredBill> bills, List<MonthEndForecast> forecasts, UsageRows rows,
			BillingAmounts billing, List<ReconciliationLine> unexplained) {

		public Amounts {
			bills = List.copyOf(bills);
			forecasts = List.copyOf(forecasts);
			unexplained = List.copyOf(unexplained);
		}

		/** Without a difference nobody explains. */
		public Amounts(List<StoredBill> bills, List<MonthEndForecast> forecasts, UsageRows rows,
				BillingAmounts billing) {
			this(bills, forecasts, rows, billing, List.of());
		}

		/** Without invoices: closed months' headlines are their usage, marked so. */
		public Amounts(List<StoredBill> bills, List<MonthEndForecast> forecasts, UsageRows rows) {
			this(bills, forecasts, rows, BillingAmounts.of(Map.of(), bills, List.of(), forecasts,
					forecasts.stream().map(MonthEndForecast::month).findFirst()));
		}

	}

}
