package com.atlascost.reports.summary;

import java.nio.file.Path;
import java.util.List;

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
 * @param done queries DONE at the end of the fetch step
 * @param cached queries already DONE when the fetch step started
 * @param failed queries FAILED at the end of the fetch step
 * @param workbook the workbook written, when the report step ran
 * @param focusCsv the FOCUS CSV written, when the report step ran
 * @param failureMessages the messages of the steps' failures
 * @param invoices what the invoice step fetched, when it ran
 * @param unreconciled the org-months whose usage and invoice differ by more than a cent
 * (empty when all reconcile), when the report step reconciled them
 */
public record RunFacts(String jobName, Path jobFile, long executionId, MonthRange range, List<Long> queryIds, int done,
		int cached, int failed, @Nullable String workbook, @Nullable String focusCsv, List<String> failureMessages,
		@Nullable String invoices, @Nullable String unreconciled) {

	public RunFacts {
		queryIds = List.copyOf(queryIds);
		failureMessages = List.copyOf(failureMessages);
	}

}
