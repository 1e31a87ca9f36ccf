package com.atlascost.reports.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.invoice.InvoicesFailedException;
import com.atlascost.reports.invoice.UsageRevisions;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.report.InvoiceReport;
import com.atlascost.reports.report.ReportFiles;
import com.atlascost.reports.report.ReportRequest;
import com.atlascost.reports.report.ReportWriter;
import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.summary.RunSummaries;
import com.atlascost.reports.summary.RunSummary;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Writes the run's workbook and FOCUS CSV from what the database holds for its queries.
 */
@Component
class ReportTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReportTasklet.class);

	private final JobFiles jobFiles;

	private final ReportInputs inputs;

	private final RunSummaries summaries;

	private final ReportWriter writer;

	private final UsageRevisions revisions;

	ReportTasklet(JobFiles jobFiles, ReportInputs inputs, RunSummaries summaries, ReportWriter writer,
			UsageRevisions revisions) {
		this.jobFiles = jobFiles;
		this.inputs = inputs;
		this.summaries = summaries;
		this.writer = writer;
		this.revisions = revisions;
	}

	/**
	 * The revisions of the run's settled months, by label:
	 * {@code Acme Production 2026-10: billed 100.00 -> 145.67 (usage fetched again)}.
	 */
	private String revisions(InvoiceReport invoices, RunParameters run) {
		return this.revisions.of(invoices.labels().keySet(), run.range().from(), run.range().to())
			.stream()
			.map((revision) -> invoices.labels().getOrDefault(revision.organizationId(), revision.organizationId())
					+ " " + revision.month() + ": " + revision.reason()
					+ ((revision.refetchedAt() != null) ? " (usage fetched again)" : " (usage to fetch again)"))
			.collect(Collectors.joining(", "));
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		RunParameters run = RunParameters.from(step.getJobParameters());
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		ExecutionContext context = RunContext.of(chunkContext);
		if (context.containsKey(RunContext.INVOICES_FAILED)) {
			// no report without every organization's invoices; a restart fetches them
			throw new InvoicesFailedException(context.getString(RunContext.INVOICES_FAILED));
		}
		logger.info("Writing the report of {} from {} stored queries", run.describe(),
				RunContext.queryIds(context).size());
		ReportRequest.Billing billing = this.inputs.billing(job, run, context);
		InvoiceReport invoices = this.inputs.invoices(job, run, billing.bills());
		context.putString(RunContext.UNRECONCILED, String.join(", ", invoices.unexplained()));
		context.putString(RunContext.REVISIONS, revisions(invoices, run));
		RunSummary summary = summary(job, run, step.getJobExecution());
		ReportFiles files = this.writer.write(this.inputs.request(job, step, billing, summary), invoices);
		context.putInt(RunContext.ROWS, Math.toIntExact(files.usageRows()));
		context.putString(RunContext.WORKBOOK, files.workbook().toString());
		context.putString(RunContext.FOCUS_CSV, files.focusCsv().toString());
		logger.info("Report written: {} and {} ({} usage rows)", files.workbook(), files.focusCsv(), files.usageRows());
		return RepeatStatus.FINISHED;
	}

	/**
	 * The run's summary so far, for the run-info sheet. A run that gets here ends with
	 * exit code 0, unless a delivery follows and fails.
	 */
	private RunSummary summary(JobDefinition job, RunParameters run, JobExecution execution) {
		// Elapsed time against Spring Batch's own start stamp, which it takes from the
		// system clock in the local zone: the Clock bean (UTC, fixed in tests) would mix
		// two clocks.
		Duration sofar = (execution.getStartTime() != null)
				? Duration.between(execution.getStartTime(), LocalDateTime.now()) : Duration.ZERO;
		RunSummary sofarSummary = this.summaries.summarize(RunContext.facts(execution), sofar);
		return (job.delivery().isEmpty() || run.noDelivery()) ? sofarSummary.withExitCode(ExitCode.DONE)
				: sofarSummary.withExitCodeBeforeDelivery(ExitCode.DONE);
	}

}
