package com.atlascost.reports.job;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlascost.reports.atlas.AtlasApiCall;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.forecast.BillingAmountsSource;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.forecast.MonthEndForecaster;
import com.atlascost.reports.invoice.BillingAccounts;
import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.InvoiceStore;
import com.atlascost.reports.invoice.UsageTotals;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.report.InvoiceReport;
import com.atlascost.reports.report.ReportRequest;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Assembles what the report step writes from: the job file, the run's parameters and what
 * the database holds for the run's queries.
 */
@Component
class ReportInputs {

	private final QueryStore store;

	private final UsageStore usage;

	private final MonthEndForecaster forecaster;

	private final InvoiceStore invoices;

	private final AtlasProperties atlas;

	private final AtlasConnection connection;

	private final Clock clock;

	private final BillingAmountsSource amounts;

	ReportInputs(QueryStore store, UsageStore usage, MonthEndForecaster forecaster, InvoiceStore invoices,
			AtlasProperties atlas, AtlasConnection connection, Clock clock, BillingAmountsSource amounts) {
		this.amounts = amounts;
		this.store = store;
		this.usage = usage;
		this.forecaster = forecaster;
		this.invoices = invoices;
		this.atlas = atlas;
		this.connection = connection;
		this.clock = clock;
	}

	/**
	 * The organizations' bills and the open month's forecasts, which this makes and
	 * stores: the run summary shows them, so it comes first. The linked organizations a
	 * paying organization's queries cover have bills (and forecasts) of their own.
	 */
	ReportRequest.Billing billing(JobDefinition job, RunParameters run, ExecutionContext context) {
		List<StoredBill> bills = this.usage.bills(RunContext.billIds(context));
		List<MonthEndForecast> forecasts = this.forecaster.forecast(List.copyOf(labels(job, bills).keySet()),
				run.range().to());
		return new ReportRequest.Billing(bills, forecasts,
				this.amounts.amounts(job, run.range().from(), run.range().to(), bills, forecasts));
	}

	/**
	 * The invoices of the job's organizations (and the linked ones they pay for) and
	 * months against the organizations' complete bills.
	 */
	InvoiceReport invoices(JobDefinition job, RunParameters run, List<StoredBill> bills) {
		Map<String, String> labels = labels(job, bills);
		List<Invoice> stored = this.invoices.invoices(labels.keySet(), run.range().from(), run.range().to());
		BillingAccounts.of(labels.keySet(), stored)
			.linkedByPayer()
			.values()
			.forEach((linked) -> linked.forEach((orgId) -> labels.putIfAbsent(orgId, orgId)));
		return InvoiceReport.of(labels, stored, UsageTotals.ofBills(bills), job.tags());
	}

	/**
	 * The label of each organization: the job file's, then each linked organization's
	 * name as its usage rows give it (the bills carry it).
	 */
	private static Map<String, String> labels(JobDefinition job, List<StoredBill> bills) {
		Map<String, String> labels = new LinkedHashMap<>();
		job.organizations().forEach((org) -> labels.put(org.id(), org.label()));
		bills.forEach((bill) -> labels.putIfAbsent(bill.organizationId(), bill.organizationLabel()));
		return labels;
	}

	/**
	 * The report's request. Its rows are streamed from the database and read once, summed
	 * as the Detail sheet lists them: a million rows never sit in memory.
	 */
	ReportRequest request(JobDefinition job, StepExecution step, ReportRequest.Billing billing, RunSummary summary) {
		RunParameters run = RunParameters.from(step.getJobParameters());
		ExecutionContext context = RunContext.of(step.getJobExecution());
		List<Long> ids = RunContext.queryIds(context);
		ReportRequest.Scope scope = new ReportRequest.Scope(job.name(), run.range().from(), run.range().to(),
				this.store.provisionalMonths(ids), job.groupings(), job.includePartialMatches(), job.budgets(),
				job.accounting());
		Map<String, Long> queryCounts = new LinkedHashMap<>();
		this.store.countByState(ids).forEach((state, count) -> queryCounts.put(state.name(), count));
		ReportRequest.RunInfo info = new ReportRequest.RunInfo(shownParameters(run, step),
				this.atlas.versions().version(AtlasApiCall.CREATE_USAGE_QUERY), this.clock.instant(), queryCounts,
				summary);
		return new ReportRequest(scope, this.usage.usageRows(RunContext.breakdownIds(context), job.groupings()),
				billing, info);
	}

	private Map<String, String> shownParameters(RunParameters run, StepExecution step) {
		Map<String, String> shown = new LinkedHashMap<>();
		shown.put("Job file", run.jobFile().toString());
		shown.put("From", run.range().from().toString());
		shown.put("To", run.range().to().toString());
		shown.put("Run date", run.runDate().toString());
		shown.put("Run id", Long.toString(run.runId()));
		shown.put("Refresh", Boolean.toString(run.refresh()));
		shown.put("Job execution id", Long.toString(step.getJobExecutionId()));
		shown.put("Atlas base URL", this.connection.baseUrl());
		return shown;
	}

}
