package com.atlascost.reports.summary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFileReader;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.stereotype.Component;

/**
 * Builds a run's summary from what the run recorded ({@link RunFacts}), the database
 * (queries, failure reasons, rows) and the client's meters (calls, 429s, retries,
 * latency). Meters count what this process did: a resumed run's summary shows the calls
 * of the resumption.
 */
@Component
public class RunSummaries {

	/** Failure reasons listed one by one; more are counted. */
	private static final int LISTED_FAILURES = 20;

	/**
	 * An org whose credentials Atlas refused, in an {@code AtlasApiException} message.
	 */
	private static final Pattern REFUSED = Pattern.compile("for org ([0-9a-f]{24}) failed: (401|403) ");

	private final QueryStore store;

	private final UsageStore usage;

	private final JobFileReader reader;

	private final AtlasMetrics metrics;

	public RunSummaries(QueryStore store, UsageStore usage, JobFileReader reader, AtlasMetrics metrics) {
		this.store = store;
		this.usage = usage;
		this.reader = reader;
		this.metrics = metrics;
	}

	public RunSummary summarize(RunFacts run, Duration took) {
		List<Long> ids = run.queryIds();
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("Job", run.jobName() + " (" + run.jobFile() + "), job execution " + run.executionId());
		entries.put("Windows", run.range().windows().size() + ": " + run.range().from() + " to " + run.range().to());
		int failed = run.failed();
		int cached = run.cached();
		int done = run.done();
		entries.put("Queries", ids.size() + " planned, " + done + " done (" + (done - cached) + " fetched, " + cached
				+ " already done before this run), " + failed + " failed");
		List<String> failures = this.store.failures(ids);
		for (int i = 0; i < Math.min(failures.size(), LISTED_FAILURES); i++) {
			entries.put("Failed query " + (i + 1), failures.get(i));
		}
		if (failures.size() > LISTED_FAILURES) {
			entries.put("Failed queries not listed", Integer.toString(failures.size() - LISTED_FAILURES));
		}
		List<String> reasons = new ArrayList<>(failures);
		reasons.addAll(run.failureMessages());
		refusedCredentials(reasons).ifPresent((hint) -> entries.put("Credentials", hint));
		Map<String, Long> calls = this.metrics.callsByStatus();
		entries.put("API calls by status",
				calls.isEmpty() ? "none"
						: calls.entrySet()
							.stream()
							.map((e) -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining(", ")));
		entries.put("Rate limited (429)", Long.toString(this.metrics.rateLimited()));
		entries.put("Retries", Long.toString(this.metrics.retries()));
		this.metrics.slowedOrganizations()
			.forEach((orgId, pace) -> entries.put("Rate limit of org " + orgId, String.format(Locale.ROOT,
					"its bucket looked smaller than published: %d 429s, slowed to %.2f requests/s (published %.2f/s),"
							+ " %.2f/s at the end",
					pace.rateLimited(), pace.lowestRate(), pace.publishedRate(), pace.currentRate())));
		AtlasMetrics.QueryLatency latency = this.metrics.queryLatency();
		entries.put("Query latency", latency.count() + " queries timed, mean " + latency.meanMillis() + " ms, max "
				+ latency.maxMillis() + " ms");
		JobDefinition job = this.reader.read(run.jobFile());
		Grouping totalled = job.groupings().get(0);
		// one pass over a database cursor: a run of a million rows is summed, never held
		long[] rowCount = { 0 };
		SortedMap<YearMonth, BigDecimal> totals = new TreeMap<>();
		this.usage.usageRows(ids, job.groupings()).forEach((row) -> {
			rowCount[0]++;
			if (row.groupBy() == totalled) {
				// summed from the grouping the Summary sheet totals, so no amount counts
				// twice
				totals.merge(row.window().month(), row.amount(), BigDecimal::add);
			}
		});
		entries.put("Rows stored", Long.toString(rowCount[0]));
		totals.forEach((month, total) -> entries.put("Total " + month + " (" + totalled.apiName() + ")",
				total.toPlainString() + " USD"));
		String invoices = run.invoices();
		if (invoices != null) {
			entries.put("Invoices", invoices);
		}
		String unreconciled = run.unreconciled();
		if (unreconciled != null) {
			entries.put("Not reconciled", unreconciled.isEmpty() ? "none" : unreconciled);
		}
		if (run.workbook() != null) {
			entries.put("Workbook", run.workbook());
			entries.put("FOCUS CSV", String.valueOf(run.focusCsv()));
		}
		entries.put("Duration", String.format("%.1f s", took.toMillis() / 1000.0));
		return new RunSummary(entries);
	}

	private static Optional<String> refusedCredentials(List<String> failures) {
		TreeSet<String> refused = new TreeSet<>();
		for (String failure : failures) {
			Matcher matcher = REFUSED.matcher(failure);
			if (matcher.find()) {
				refused.add("org " + matcher.group(1) + " (" + matcher.group(2) + ")");
			}
		}
		if (refused.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Atlas refused the credentials for " + String.join(", ", refused)
				+ ": check MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET (or the API key pair) and that the"
				+ " caller has Organization Billing Viewer, Billing Admin or Owner on that org");
	}

}
