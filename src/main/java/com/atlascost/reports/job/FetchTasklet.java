package com.atlascost.reports.job;

import java.util.List;

import com.atlascost.reports.usage.FetchListener;
import com.atlascost.reports.usage.FetchListeners;
import com.atlascost.reports.usage.FetchOutcome;
import com.atlascost.reports.usage.UsageFetcher;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Fetches every query of the run that is not DONE. Queries that fail are recorded with
 * their reason and fail the step once all others are stored, so that a restart redoes
 * only those.
 */
@Component
class FetchTasklet implements Tasklet {

	private final UsageFetcher fetcher;

	private final FetchListeners listeners;

	FetchTasklet(UsageFetcher fetcher, FetchListeners listeners) {
		this.fetcher = fetcher;
		this.listeners = listeners;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		ExecutionContext context = RunContext.of(chunkContext);
		List<Long> ids = RunContext.queryIds(context);
		if (RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters()).reportOnly()) {
			// every query is stored DONE already (StoredRun): nothing to fetch
			context.putInt(RunContext.FETCH_DONE, ids.size());
			context.putInt(RunContext.FETCH_CACHED, ids.size());
			context.putInt(RunContext.FETCH_FAILED, 0);
			return RepeatStatus.FINISHED;
		}
		FetchOutcome outcome;
		try (FetchListener listener = this.listeners.open()) {
			outcome = this.fetcher.fetch(ids, listener);
		}
		context.putInt(RunContext.FETCH_DONE, ids.size() - outcome.failed());
		context.putInt(RunContext.FETCH_CACHED, ids.size() - outcome.done() - outcome.failed());
		context.putInt(RunContext.FETCH_FAILED, outcome.failed());
		if (outcome.failed() > 0) {
			throw new QueriesFailedException(outcome.failed(), ids.size(), outcome.failures());
		}
		return RepeatStatus.FINISHED;
	}

}
