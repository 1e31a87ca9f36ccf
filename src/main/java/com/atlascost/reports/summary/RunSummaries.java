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
import java.util.stream.Collectors;

import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.forecast.ForecastStore;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.stereotype.Component;

/**
 * Builds a run's summary from what the run recorded ({@link RunFacts}), the database
 * (queries, failure reasons and statuses, row counts, bills, forecasts) and the client's
 * meters (calls, 429s, retries, latency). Meters count what this process did: a resumed
 * run's summary shows the calls of the resumption.
 */
@Component
public class RunSummaries {

	/** Failure reasons listed one by one; more are counted. */
	private static final int LISTED_FAILURES = 20;

	private final QueryStore store;

	private final UsageStore usage;

	private final AtlasMetrics metrics;

	private final ForecastStore forecasts;

	public RunSummaries(QueryStore store, UsageStore usage, AtlasMetrics metrics, ForecastStore forecasts) {
		this.forecasts = forecasts;
		this.store = store;
		this.usage = usage;
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
		SortedMap<String, Integer> refused = new TreeMap<>(this.store.refusedOrganizations(ids));
		refused.putAll(run.refusedByAtlas());
		refusedCredentials(refused).ifPresent((hint) -> entries.put("Credentials", hint));
		Map<String, Long> calls = this.metrics.callsByStatus();
		entries.put("API calls by status",
				calls.isEmpty() ? "none"
						: calls.entrySet()
							.stream()
							.map((e) -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining(", ")));
		entries.put("Rate limited (429)", Long.toString(this.metrics.rateLimited()));
		// the number the fetch's progress showed: retries of the usage queries; those of
		// the listings (planning) and invoices (after the fetch) apart, as the progress
		// never saw them
		long usageRetries = this.metrics.usageQueryRetries();
		entries.put("Retries", Long.toString(usageRetries));
		long otherRetries = this.metrics.retries() - usageRetries;
		if (otherRetries > 0) {
			entries.put("Retries of other calls", otherRetries + " (listings, invoices)");
		}
		this.metrics.slowedOrganizations()
			.forEach((orgId, pace) -> entries.put("Rate limit of org " + orgId, String.format(Locale.ROOT,
					"its bucket looked smaller than published: %d 429s, slowed to %.2f requests/s (published %.2f/s),"
							+ " %.2f/s at the end",
					pace.rateLimited(), pace.lowestRate(), pace.publishedRate(), pace.currentRate())));
		AtlasMetrics.QueryLatency latency = this.metrics.queryLatency();
		entries.put("Query latency", latency.count() + " queries timed, mean " + latency.meanMillis() + " ms, max "
				+ latency.maxMillis() + " ms");
		entries.put("Rows stored", Long.toString(this.usage.countRows(run.breakdownIds())));
		// the bills: every organization's complete cost, the same totals as the Summary
		SortedMap<YearMonth, BigDecimal> totals = new TreeMap<>();
		this.usage.bills(run.billIds()).forEach((bill) -> totals.merge(bill.month(), bill.amount(), BigDecimal::add));
		totals.forEach((month, total) -> entries.put("Total " + month + " (bill)", total.toPlainString() + " USD"));
		List<String> orgIds = List.copyOf(this.store.organizationIds(ids));
		List<MonthEndForecast> forecasts = this.forecasts.latest(orgIds, run.range().to());
		if (!forecasts.isEmpty()) {
			BigDecimal forecast = forecasts.stream()
				.map(MonthEndForecast::forecast)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal low = forecasts.stream().map(MonthEndForecast::low).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal high = forecasts.stream().map(MonthEndForecast::high).reduce(BigDecimal.ZERO, BigDecimal::add);
			entries.put("Forecast " + run.range().to() + " (month end)",
					forecast.toPlainString() + " USD (band " + low.toPlainString() + " to " + high.toPlainString()
							+ " USD, " + forecasts.size() + " of " + orgIds.size() + " organizations)");
		}
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

	private static Optional<String> refusedCredentials(SortedMap<String, Integer> refusedOrganizations) {
		List<String> refused = new ArrayList<>();
		refusedOrganizations.forEach((orgId, status) -> refused.add("org " + orgId + " (" + status + ")"));
		if (refused.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Atlas refused the credentials for " + String.join(", ", refused)
				+ ": check MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET (or the API key pair) and that the"
				+ " caller has Organization Billing Viewer, Billing Admin or Owner on that org");
	}

}
