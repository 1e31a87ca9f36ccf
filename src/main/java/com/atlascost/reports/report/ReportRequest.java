package com.atlascost.reports.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

/**
 * Everything one run's report shows.
 *
 * @param jobName the job file's {@code name}
 * @param from first month, inclusive
 * @param to last month, inclusive
 * @param groupings the job's groupings, in the job file's order
 * @param rows every stored usage row of the run's queries
 * @param parameters the run's parameters as shown on the run-info sheet (never secrets)
 * @param apiVersion the Atlas API version the usage was fetched with
 * @param generatedAt when the report was written
 * @param provisionalMonths months whose amounts may still change
 * @param runSummary what the run did, as (what, value) in the order shown
 */
public record ReportRequest(String jobName, YearMonth from, YearMonth to, List<Grouping> groupings,
		List<StoredUsage> rows, Map<String, String> parameters, String apiVersion, Instant generatedAt,
		SortedSet<YearMonth> provisionalMonths, Map<String, String> runSummary) {

	/** A request without a run summary. */
	public ReportRequest(String jobName, YearMonth from, YearMonth to, List<Grouping> groupings, List<StoredUsage> rows,
			Map<String, String> parameters, String apiVersion, Instant generatedAt,
			SortedSet<YearMonth> provisionalMonths) {
		this(jobName, from, to, groupings, rows, parameters, apiVersion, generatedAt, provisionalMonths, Map.of());
	}

}
