package com.atlascost.reports.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.AtlasApiCall;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.forecast.MonthEndForecaster;
import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.InvoiceStore;
import com.atlascost.reports.invoice.UsageTotals;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.report.InvoiceReport;
import com.atlascost.reports.report.ReportFiles;
import com.atlascost.reports.report.ReportRequest;
import com.atlascost.reports.report.ReportWriter;
import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.summary.RunSummaries;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the run's workbook and FOCUS CSV from what the database holds for its queries.
 */
class ReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReportTasklet.class);

	private final JobFiles jobFiles;

	private final QueryStore store;

	private final UsageStore usage;

	private final ReportWriter writer;

	private final AtlasProperties atlas;

	private final AtlasConnection connection;

	private final Clock clock;

	private final RunSummaries summaries;

	private final InvoiceStore invoices;

	private final MonthEndForecaster forecaster;

	ReportTasklet(JobFiles jobFiles, QueryStore store, UsageStore usage, ReportWriter writer, AtlasProperties atlas,
			AtlasConnection connection, Clock clock, RunSummaries summaries, InvoiceStore invoices,
			MonthEndForecaster forecaster) {
		this.forecaster = forecaster;
		this.summaries = summaries;
		this.invoices = invoices;
		this.jobFiles = jobFiles;
		this.store = store;
		this.usage = usage;
		this.writer = writer;
		this.atlas = atlas;
		this.connection = connection;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		RunParameters run = RunParameters.from(step.getJobParameters());
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		ExecutionContext context = RunContext.of(chunkContext);
		List<Long> ids = RunContext.queryIds(context);
		logger.info("Writing the report of {} from {} stored queries", run.describe(), ids.size());
		Map<String, Long> queryCounts = new LinkedHashMap<>();
		this.store.countByState(ids).forEach((state, count) -> queryCounts.put(state.name(), count));
		// before the summary, which shows the forecasts
		List<MonthEndForecast> forecasts = this.forecaster
			.forecast(job.organizations().stream().map(OrganizationScope::id).toList(), run.range().to());
		List<StoredBill> bills = this.usage.bills(RunContext.billIds(context));
		InvoiceReport invoiceReport = invoiceReport(job, run, bills);
		context.putString(RunContext.UNRECONCILED,
				invoiceReport.unreconciled()
					.stream()
					.map((line) -> line.orgMonth().toString())
					.collect(Collectors.joining(", ")));
		// A run that gets here ends with exit code 0, unless a delivery follows and
		// fails.
		JobExecution execution = step.getJobExecution();
		// Elapsed time against Spring Batch's own start stamp, which it takes from the
		// system clock in the local zone: the Clock bean (UTC, fixed in tests) would mix
		// two clocks.
		Duration sofar = (execution.getStartTime() != null)
				? Duration.between(execution.getStartTime(), LocalDateTime.now()) : Duration.ZERO;
		RunSummary sofarSummary = this.summaries.summarize(RunContext.facts(execution), sofar);
		RunSummary summary = (job.delivery().isEmpty() || run.noDelivery()) ? sofarSummary.withExitCode(ExitCode.DONE)
				: sofarSummary.withExitCodeBeforeDelivery(ExitCode.DONE);
		// Streamed from the database and read once, summed as the Detail sheet lists
		// them: a million rows never sit in memory.
		ReportFiles files = this.writer.write(new ReportRequest(job.name(), run.range().from(), run.range().to(),
				job.groupings(), this.usage.usageRows(RunContext.breakdownIds(context), job.groupings()),
				shownParameters(run, step), this.atlas.versions().version(AtlasApiCall.CREATE_USAGE_QUERY),
				this.clock.instant(), this.store.provisionalMonths(ids), job.includePartialMatches(), queryCounts,
				job.budgets(), summary, bills, forecasts), invoiceReport);
		context.putInt(RunContext.ROWS, Math.toIntExact(files.usageRows()));
		context.putString(RunContext.WORKBOOK, files.workbook().toString());
		context.putString(RunContext.FOCUS_CSV, files.focusCsv().toString());
		logger.info("Report written: {} and {} ({} usage rows)", files.workbook(), files.focusCsv(), files.usageRows());
		return RepeatStatus.FINISHED;
	}

	/**
	 * The invoices of the job's organizations and months against the organizations'
	 * complete bills.
	 */
	private InvoiceReport invoiceReport(JobDefinition job, RunParameters run, List<StoredBill> bills) {
		Map<String, String> labels = new LinkedHashMap<>();
		job.organizations().forEach((org) -> labels.put(org.id(), org.label()));
		List<Invoice> stored = this.invoices.invoices(labels.keySet(), run.range().from(), run.range().to());
		UsageTotals usage = UsageTotals.ofBills(bills);
		return InvoiceReport.of(labels, stored, usage, job.tags());
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
