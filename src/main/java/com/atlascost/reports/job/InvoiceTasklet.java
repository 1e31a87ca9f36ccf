package com.atlascost.reports.job;

import java.util.List;

import com.atlascost.reports.invoice.InvoiceFetcher;
import com.atlascost.reports.invoice.InvoiceOutcome;
import com.atlascost.reports.invoice.InvoicesFailedException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.OrganizationScope;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Fetches and stores the invoices of the run's organizations and months, first: they name
 * the billing accounts the plan needs. Organizations whose invoices fail are named and
 * kept in the run's context, and fail the run in the report step, so that the usage of
 * every organization is still fetched (and kept for a restart). The step runs again on a
 * restart when an attempt did not store every organization's invoices, and fetches again
 * what is not settled and stored.
 */
@Component
class InvoiceTasklet implements Tasklet {

	private final JobFiles jobFiles;

	private final InvoiceFetcher fetcher;

	InvoiceTasklet(JobFiles jobFiles, InvoiceFetcher fetcher) {
		this.jobFiles = jobFiles;
		this.fetcher = fetcher;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		ExecutionContext context = RunContext.of(chunkContext);
		if (context.containsKey(RunContext.INVOICES_FETCHED) && !context.containsKey(RunContext.INVOICES_FAILED)) {
			// an earlier attempt of this run stored them all
			return RepeatStatus.FINISHED;
		}
		RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
		if (run.reportOnly()) {
			// the report reads the invoices stored: none is fetched
			return RepeatStatus.FINISHED;
		}
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		List<String> orgIds = job.organizations().stream().map(OrganizationScope::id).toList();
		InvoiceOutcome outcome = this.fetcher.fetch(orgIds, run.range().from(), run.range().to());
		context.putInt(RunContext.INVOICES_FETCHED, outcome.fetched());
		context.putInt(RunContext.INVOICES_KEPT, outcome.kept());
		if (outcome.failures().isEmpty()) {
			context.remove(RunContext.INVOICES_FAILED);
		}
		else {
			context.putString(RunContext.INVOICES_FAILED, InvoicesFailedException.describe(outcome.failures()));
		}
		return RepeatStatus.FINISHED;
	}

}
