package com.atlascost.reports.summary;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.MonthRange;

/**
 * What a run recorded as it went, as far as it got: its job, its queries, the fetch
 * step's counts, the invoice step's counts, what the report step wrote and the
 * organizations Atlas refused.
 *
 * @param job the run's job and months
 * @param queries the run's queries
 * @param fetch the fetch step's counts
 * @param invoices what the invoice step fetched and kept, when it ran
 * @param report what the report step found and wrote, as far as it got
 * @param refusedByAtlas organizations whose credentials Atlas refused in a step's failure
 * (discovery, say), with the status (401 or 403)
 */
public record RunFacts(Job job, Queries queries, FetchCounts fetch, @Nullable InvoiceCounts invoices, ReportStep report,
		SortedMap<String, Integer> refusedByAtlas) {

	public RunFacts {
		refusedByAtlas = Collections.unmodifiableSortedMap(new TreeMap<>(refusedByAtlas));
	}

	/**
	 * @param name the job file's name
	 * @param file the job file
	 * @param executionId the job execution
	 * @param range the months of the run
	 * @param rebuilt whether the report was rebuilt from the database, Atlas not called
	 */
	public record Job(String name, Path file, long executionId, MonthRange range, boolean rebuilt) {
	}

	/**
	 * @param all the run's queries
	 * @param breakdowns the queries of the job's groupings
	 * @param bills the queries of the organizations' complete bills
	 */
	public record Queries(List<Long> all, List<Long> breakdowns, List<Long> bills) {

		public Queries {
			all = List.copyOf(all);
			breakdowns = List.copyOf(breakdowns);
			bills = List.copyOf(bills);
		}

	}

	/**
	 * @param done queries DONE at the end of the fetch step
	 * @param cached queries already DONE when the fetch step started
	 * @param failed queries FAILED at the end of the fetch step
	 */
	public record FetchCounts(int done, int cached, int failed) {
	}

	/**
	 * @param fetched invoices fetched from Atlas
	 * @param kept settled invoices already stored, not fetched again
	 */
	public record InvoiceCounts(int fetched, int kept) {
	}

	/**
	 * @param unreconciled the settled org-months with a difference nothing explains, by
	 * label and month with the amount ({@code Acme Analytics 2026-03: 12.34 unexplained};
	 * empty when there is none), when the report step reconciled them
	 * @param workbook the workbook written, when the report step wrote it
	 * @param focusCsv the FOCUS CSV written, when the report step wrote it
	 * @param revisions the revisions of the run's settled months, by label and month with
	 * the old and new bill (empty when there is none), when the report step read them
	 */
	public record ReportStep(@Nullable String unreconciled, @Nullable String workbook, @Nullable String focusCsv,
			@Nullable String revisions) {
	}

}
