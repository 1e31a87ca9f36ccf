package com.atlascost.reports.summary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
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

	public RunSummary summarize(RunFacts facts, Duration took) {
		List<RunSummaryEntry> entries = new ArrayList<>();
		RunFacts.Job job = facts.job();
		entries.add(RunSummaryEntry.of(RunSummaryItem.JOB, job.name(), job.file(), job.executionId()));
		entries.add(RunSummaryEntry.of(RunSummaryItem.WINDOWS, (long) job.range().windows().size(), job.range().from(),
				job.range().to()));
		if (job.rebuilt()) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.REBUILT));
		}
		addQueries(entries, facts);
		addCalls(entries);
		entries.add(RunSummaryEntry.of(RunSummaryItem.ROWS_STORED, this.usage.countRows(facts.queries().breakdowns())));
		addAmounts(entries, facts);
		addReport(entries, facts);
		entries.add(RunSummaryEntry.of(RunSummaryItem.DURATION, String.format("%.1f", took.toMillis() / 1000.0)));
		return new RunSummary(entries);
	}

	/** The queries' counts, their failures and the organizations Atlas refused. */
	private void addQueries(List<RunSummaryEntry> entries, RunFacts facts) {
		List<Long> ids = facts.queries().all();
		long done = facts.fetch().done();
		long cached = facts.fetch().cached();
		entries.add(RunSummaryEntry.of(RunSummaryItem.QUERIES, (long) ids.size(), done, done - cached, cached,
				(long) facts.fetch().failed()));
		List<String> failures = this.store.failures(ids);
		for (int i = 0; i < Math.min(failures.size(), LISTED_FAILURES); i++) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.FAILED_QUERY, (long) (i + 1), failures.get(i)));
		}
		if (failures.size() > LISTED_FAILURES) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.FAILED_QUERIES_NOT_LISTED,
					(long) (failures.size() - LISTED_FAILURES)));
		}
		SortedMap<String, Integer> refused = new TreeMap<>(this.store.refusedOrganizations(ids));
		refused.putAll(facts.refusedByAtlas());
		if (!refused.isEmpty()) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.CREDENTIALS,
					refused.entrySet()
						.stream()
						.map((org) -> "org " + org.getKey() + " (" + org.getValue() + ")")
						.collect(Collectors.joining(", "))));
		}
	}

	/** What the client's meters counted: calls, 429s, retries, paces and latency. */
	private void addCalls(List<RunSummaryEntry> entries) {
		Map<String, Long> calls = this.metrics.callsByStatus();
		entries.add(calls.isEmpty() ? RunSummaryEntry.of(RunSummaryItem.API_CALLS)
				: RunSummaryEntry.of(RunSummaryItem.API_CALLS,
						calls.entrySet()
							.stream()
							.map((e) -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining(", "))));
		entries.add(RunSummaryEntry.of(RunSummaryItem.RATE_LIMITED, this.metrics.rateLimited()));
		// the number the fetch's progress showed: retries of the usage queries; those of
		// the listings (planning) and invoices (after the fetch) apart, as the progress
		// never saw them
		long usageRetries = this.metrics.usageQueryRetries();
		entries.add(RunSummaryEntry.of(RunSummaryItem.RETRIES, usageRetries));
		long otherRetries = this.metrics.retries() - usageRetries;
		if (otherRetries > 0) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.RETRIES_OF_OTHER_CALLS, otherRetries));
		}
		this.metrics.slowedOrganizations()
			.forEach((orgId, pace) -> entries
				.add(RunSummaryEntry.of(RunSummaryItem.RATE_LIMIT_OF_ORG, orgId, (long) pace.rateLimited(),
						rate(pace.lowestRate()), rate(pace.publishedRate()), rate(pace.currentRate()))));
		AtlasMetrics.ForgottenTokens tokens = this.metrics.forgottenTokens();
		if (tokens.forgotten() > 0) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.TOKENS_FORGOTTEN, tokens.forgotten(), tokens.recreated()));
		}
		AtlasMetrics.QueryLatency latency = this.metrics.queryLatency();
		entries.add(RunSummaryEntry.of(RunSummaryItem.QUERY_LATENCY, (long) latency.count(), latency.meanMillis(),
				latency.maxMillis()));
	}

	/**
	 * The bills (every organization's complete cost, the same totals as the Summary) and
	 * the open month's forecast.
	 */
	private void addAmounts(List<RunSummaryEntry> entries, RunFacts facts) {
		SortedMap<YearMonth, BigDecimal> totals = new TreeMap<>();
		// the linked organizations a paying organization's queries cover have bills and
		// forecasts of their own
		Set<String> organizations = new TreeSet<>(this.store.organizationIds(facts.queries().all()));
		this.usage.bills(facts.queries().bills()).forEach((bill) -> {
			totals.merge(bill.month(), bill.amount(), BigDecimal::add);
			organizations.add(bill.organizationId());
		});
		totals.forEach((month, total) -> entries.add(RunSummaryEntry.of(RunSummaryItem.TOTAL, month, total)));
		YearMonth last = facts.job().range().to();
		List<String> orgIds = List.copyOf(organizations);
		List<MonthEndForecast> forecasts = this.forecasts.latest(orgIds, last);
		if (!forecasts.isEmpty()) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.FORECAST, last, sum(forecasts, MonthEndForecast::forecast),
					sum(forecasts, MonthEndForecast::low), sum(forecasts, MonthEndForecast::high),
					(long) forecasts.size(), (long) orgIds.size()));
		}
	}

	/**
	 * The invoices, their reconciliation and the files written, as far as the run got.
	 */
	private static void addReport(List<RunSummaryEntry> entries, RunFacts facts) {
		RunFacts.InvoiceCounts invoices = facts.invoices();
		if (invoices != null) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.INVOICES, (long) invoices.fetched(), (long) invoices.kept()));
		}
		RunFacts.ReportStep report = facts.report();
		String unreconciled = report.unreconciled();
		if (unreconciled != null) {
			entries.add(unreconciled.isEmpty() ? RunSummaryEntry.of(RunSummaryItem.NOT_RECONCILED)
					: RunSummaryEntry.of(RunSummaryItem.NOT_RECONCILED, unreconciled));
		}
		String revisions = report.revisions();
		if (revisions != null) {
			entries.add(revisions.isEmpty() ? RunSummaryEntry.of(RunSummaryItem.REVISIONS)
					: RunSummaryEntry.of(RunSummaryItem.REVISIONS, revisions));
		}
		String workbook = report.workbook();
		if (workbook != null) {
			entries.add(RunSummaryEntry.of(RunSummaryItem.WORKBOOK, workbook));
			entries.add(RunSummaryEntry.of(RunSummaryItem.FOCUS_CSV, String.valueOf(report.focusCsv())));
		}
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%.2f", perSecond);
	}

	private static BigDecimal sum(List<MonthEndForecast> forecasts, Function<MonthEndForecast, BigDecimal> amount) {
		return forecasts.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
