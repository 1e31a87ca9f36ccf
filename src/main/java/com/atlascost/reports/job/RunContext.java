package com.atlascost.reports.job;

import java.util.Arrays;
import java.util.List;

import com.atlascost.reports.summary.RunFacts;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of one run hand to each other, kept in the job's execution context so
 * that a restart finds it: the ids of the run's queries and what the run produced.
 */
public final class RunContext {

	static final String QUERY_IDS = "queryIds";

	public static final String FETCH_DONE = "fetch.done";

	public static final String FETCH_FAILED = "fetch.failed";

	/**
	 * Queries already DONE when the fetch step started (an earlier attempt stored them).
	 */
	static final String FETCH_CACHED = "fetch.cached";

	static final String INVOICES_FETCHED = "invoices.fetched";

	static final String INVOICES_KEPT = "invoices.kept";

	/** The org-months whose usage and invoice differ by more than a cent. */
	static final String UNRECONCILED = "invoices.unreconciled";

	static final String ROWS = "report.rows";

	public static final String WORKBOOK = "report.workbook";

	public static final String FOCUS_CSV = "report.focusCsv";

	private RunContext() {
	}

	static ExecutionContext of(ChunkContext chunkContext) {
		return of(chunkContext.getStepContext().getStepExecution().getJobExecution());
	}

	static ExecutionContext of(JobExecution execution) {
		return execution.getExecutionContext();
	}

	static void putQueryIds(ExecutionContext context, List<Long> ids) {
		context.put(QUERY_IDS, ids.stream().mapToLong(Long::longValue).toArray());
	}

	public static List<Long> queryIds(ExecutionContext context) {
		long[] ids = (long[]) context.get(QUERY_IDS);
		return (ids != null) ? Arrays.stream(ids).boxed().toList() : List.of();
	}

	/** What the run summary needs of an execution, as far as the run got. */
	public static RunFacts facts(JobExecution execution) {
		RunParameters run = RunParameters.from(execution.getJobParameters());
		ExecutionContext context = of(execution);
		List<String> failureMessages = execution.getAllFailureExceptions()
			.stream()
			.map((failure) -> String.valueOf(failure.getMessage()))
			.toList();
		return new RunFacts(run.jobName(), run.jobFile(), execution.getId(), run.range(), queryIds(context),
				context.getInt(FETCH_DONE, 0), context.getInt(FETCH_CACHED, 0), context.getInt(FETCH_FAILED, 0),
				context.containsKey(WORKBOOK) ? context.getString(WORKBOOK) : null,
				context.containsKey(FOCUS_CSV) ? context.getString(FOCUS_CSV) : null, failureMessages,
				context.containsKey(INVOICES_FETCHED) ? context.getInt(INVOICES_FETCHED) + " fetched, "
						+ context.getInt(INVOICES_KEPT, 0) + " settled ones already stored" : null,
				context.containsKey(UNRECONCILED) ? context.getString(UNRECONCILED) : null);
	}

}
