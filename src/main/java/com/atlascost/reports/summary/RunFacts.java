package com.atlascost.reports.summary;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.MonthRange;

/**
 * What a run recorded as it went, as far as it got: its parameters, its queries, the
 * fetch step's counts, the files the report step wrote and the failures of its steps.
 *
 * @param jobName the job file's name
 * @param jobFile the job file
 * @param executionId the job execution
 * @param range the months of the run
 * @param queryIds the run's queries
 * @param breakdownIds the queries of the job's groupings
 * @param billIds the queries of the organizations' complete bills
 * @param done queries DONE at the end of the fetch step
 * @param cached queries already DONE when the fetch step started
 * @param failed queries FAILED at the end of the fetch step
 * @param workbook the workbook written, when the report step ran
 * @param focusCsv the FOCUS CSV written, when the report step ran
 * @param failureMessages the messages of the steps' failures
 * @param invoices what the invoice step fetched and kept, when it ran
 * @param unreconciled the org-months whose usage and invoice differ by more than a cent
 * (empty when all reconcile), when the report step reconciled them
 * @param refusedByAtlas organizations whose credentials Atlas refused in a step's failure
 * (discovery, say), with the status (401 or 403)
 */
public record RunFacts(String jobName, Path jobFile, long executionId, MonthRange range, List<Long> queryIds,
		List<Long> breakdownIds, List<Long> billIds, int done, int cached, int failed, @Nullable String workbook,
		@Nullable String focusCsv, List<String> failureMessages, @Nullable InvoiceCounts invoices,
		@Nullable String unreconciled, SortedMap<String, Integer> refusedByAtlas) {

	public RunFacts {
		refusedByAtlas = Collections.unmodifiableSortedMap(new TreeMap<>(refusedByAtlas));
		queryIds = List.copyOf(queryIds);
		breakdownIds = List.copyOf(breakdownIds);
		billIds = List.copyOf(billIds);
		failureMessages = List.copyOf(failureMessages);
	}

	/**
	 * @param fetched invoices fetched from Atlas
	 * @param kept settled invoices already stored, not fetched again
	 */
	public record InvoiceCounts(int fetched, int kept) {
	}

}
