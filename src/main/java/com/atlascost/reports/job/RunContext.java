package com.atlascost.reports.job;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.atlas.AtlasApiException;
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

	/** The queries whose rows the grouping sheets break down (the job's groupings). */
	static final String BREAKDOWN_QUERY_IDS = "breakdownQueryIds";

	/** The queries of each organization's complete bill, one per org and month. */
	static final String BILL_QUERY_IDS = "billQueryIds";

	public static final String FETCH_DONE = "fetch.done";

	public static final String FETCH_FAILED = "fetch.failed";

	/**
	 * Queries already DONE when the fetch step started (an earlier attempt stored them).
	 */
	static final String FETCH_CACHED = "fetch.cached";

	static final String INVOICES_FETCHED = "invoices.fetched";

	static final String INVOICES_KEPT = "invoices.kept";

	/**
	 * Which organizations' invoices the invoice step could not store, and why: the report
	 * step fails the run with it.
	 */
	static final String INVOICES_FAILED = "invoices.failed";

	/** The org-months whose usage and invoice differ by more than a cent. */
	static final String UNRECONCILED = "invoices.unreconciled";

	static final String REVISIONS = "invoices.revisions";

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
		return ids(context, QUERY_IDS);
	}

	/**
	 * The queries the grouping sheets show; a run planned before bills were asked has
	 * only breakdowns.
	 */
	static List<Long> breakdownIds(ExecutionContext context) {
		return context.containsKey(BREAKDOWN_QUERY_IDS) ? ids(context, BREAKDOWN_QUERY_IDS) : queryIds(context);
	}

	/** The queries of the organizations' bills. */
	static List<Long> billIds(ExecutionContext context) {
		return ids(context, BILL_QUERY_IDS);
	}

	static void putIds(ExecutionContext context, String key, List<Long> ids) {
		context.put(key, ids.stream().mapToLong(Long::longValue).toArray());
	}

	private static List<Long> ids(ExecutionContext context, String key) {
		long[] ids = (long[]) context.get(key);
		return (ids != null) ? Arrays.stream(ids).boxed().toList() : List.of();
	}

	/** What the run summary needs of an execution, as far as the run got. */
	public static RunFacts facts(JobExecution execution) {
		RunParameters run = RunParameters.from(execution.getJobParameters());
		ExecutionContext context = of(execution);
		return new RunFacts(
				new RunFacts.Job(run.jobName(), run.jobFile(), execution.getId(), run.range(), run.reportOnly()),
				new RunFacts.Queries(queryIds(context), breakdownIds(context), billIds(context)),
				new RunFacts.FetchCounts(context.getInt(FETCH_DONE, 0), context.getInt(FETCH_CACHED, 0),
						context.getInt(FETCH_FAILED, 0)),
				context.containsKey(INVOICES_FETCHED)
						? new RunFacts.InvoiceCounts(context.getInt(INVOICES_FETCHED), context.getInt(INVOICES_KEPT, 0))
						: null,
				new RunFacts.ReportStep(stringOrNull(context, UNRECONCILED), stringOrNull(context, WORKBOOK),
						stringOrNull(context, FOCUS_CSV), stringOrNull(context, REVISIONS)),
				refusedByAtlas(execution.getAllFailureExceptions()));
	}

	private static @Nullable String stringOrNull(ExecutionContext context, String key) {
		return context.containsKey(key) ? context.getString(key) : null;
	}

	/**
	 * The organizations whose credentials Atlas refused, as the steps' failures carry
	 * them (an {@link AtlasApiException} with its status, however deeply wrapped).
	 */
	private static SortedMap<String, Integer> refusedByAtlas(List<Throwable> failures) {
		SortedMap<String, Integer> refused = new TreeMap<>();
		for (Throwable failure : failures) {
			Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
			for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
				if (cause instanceof AtlasApiException api && api.orgId() != null && api.credentialsRefused()) {
					refused.put(api.orgId(), api.status());
				}
			}
		}
		return refused;
	}

}
