package com.atlascost.reports.job;

import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of one run hand to each other, kept in the job's execution context so
 * that a restart finds it: the ids of the run's queries and what the run produced.
 */
final class RunContext {

	static final String QUERY_IDS = "queryIds";

	static final String FETCH_DONE = "fetch.done";

	static final String FETCH_FAILED = "fetch.failed";

	/**
	 * Queries already DONE when the fetch step started (an earlier attempt stored them).
	 */
	static final String FETCH_CACHED = "fetch.cached";

	static final String INVOICES_FETCHED = "invoices.fetched";

	static final String INVOICES_KEPT = "invoices.kept";

	/** The org-months whose usage and invoice differ by more than a cent. */
	static final String UNRECONCILED = "invoices.unreconciled";

	static final String ROWS = "report.rows";

	static final String WORKBOOK = "report.workbook";

	static final String FOCUS_CSV = "report.focusCsv";

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

	static List<Long> queryIds(ExecutionContext context) {
		long[] ids = (long[]) context.get(QUERY_IDS);
		return (ids != null) ? Arrays.stream(ids).boxed().toList() : List.of();
	}

}
