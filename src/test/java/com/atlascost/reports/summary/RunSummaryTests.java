package com.atlascost.reports.summary;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's English lines come from the typed entries: the same words the operators'
 * scripts and the README know.
 */
class RunSummaryTests {

	@Test
	void typedEntriesPrintTheConsolesEnglishLines() {
		RunSummary summary = new RunSummary(List.of(
				RunSummaryEntry.of(RunSummaryItem.JOB, "finance", Path.of("jobs/finance.yml"), 7L),
				RunSummaryEntry.of(RunSummaryItem.WINDOWS, 3L, YearMonth.of(2026, 10), YearMonth.of(2026, 12)),
				RunSummaryEntry.of(RunSummaryItem.QUERIES, 18L, 17L, 15L, 2L, 1L),
				RunSummaryEntry.of(RunSummaryItem.FAILED_QUERY, 1L, "org a services 2026-10: 500"),
				RunSummaryEntry.of(RunSummaryItem.CREDENTIALS, "org a (401), org b (403)"),
				RunSummaryEntry.of(RunSummaryItem.API_CALLS),
				RunSummaryEntry.of(RunSummaryItem.RATE_LIMIT_OF_ORG, "a", 4L, "0.50", "1.67", "0.75"),
				RunSummaryEntry.of(RunSummaryItem.TOTAL, YearMonth.of(2026, 10), new BigDecimal("1E+3")),
				RunSummaryEntry.of(RunSummaryItem.FORECAST, YearMonth.of(2026, 12), new BigDecimal("15340.15"),
						new BigDecimal("12113.86"), new BigDecimal("18566.44"), 2L, 2L),
				RunSummaryEntry.of(RunSummaryItem.INVOICES, 9L, 0L), RunSummaryEntry.of(RunSummaryItem.NOT_RECONCILED),
				RunSummaryEntry.of(RunSummaryItem.DURATION, "3.4")))
			.withExitCode(ExitCode.FAILED);

		assertThat(summary.lines()).containsExactly("Job: finance (jobs/finance.yml), job execution 7",
				"Windows: 3: 2026-10 to 2026-12",
				"Queries: 18 planned, 17 done (15 fetched, 2 already done before this run), 1 failed",
				"Failed query 1: org a services 2026-10: 500",
				"Credentials: Atlas refused the credentials for org a (401), org b (403): check"
						+ " MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET (or the API key pair) and that the"
						+ " caller has Organization Billing Viewer, Billing Admin or Owner on that org",
				"API calls by status: none",
				"Rate limit of org a: its bucket looked smaller than published: 4 429s, slowed to 0.50 requests/s"
						+ " (published 1.67/s), 0.75/s at the end",
				"Usage 2026-10 (Cost Explorer, before tax): 1000.00 USD",
				"Forecast 2026-12 (usage, month end): 15340.15 USD (band 12113.86 to 18566.44 USD, 2 of 2 organizations)",
				"Invoices: 9 fetched, 0 settled ones already stored", "Not reconciled: none", "Duration: 3.4 s",
				"Exit code: 1: " + ExitCode.FAILED.meaning());
		assertThat(summary.entries().get(5).none()).isTrue();
		assertThat(summary.entries().get(0).none()).isFalse();
	}

	@Test
	void subCentAmountsArePrintedToTheCentAsTheReportShowsThem() {
		RunSummaryEntry total = RunSummaryEntry.of(RunSummaryItem.TOTAL, YearMonth.of(2025, 3),
				new BigDecimal("4.099134"));
		RunSummaryEntry forecast = RunSummaryEntry.of(RunSummaryItem.FORECAST, YearMonth.of(2025, 4),
				new BigDecimal("10.005"), new BigDecimal("9.994999"), new BigDecimal("10.0150001"), 1L, 1L);

		assertThat(total.label() + ": " + total.value())
			.isEqualTo("Usage 2025-03 (Cost Explorer, before tax): 4.10 USD");
		assertThat(forecast.value()).isEqualTo("10.01 USD (band 9.99 to 10.02 USD, 1 of 1 organizations)");
	}

	@Test
	void aReasonWithBracesOrQuotesIsPrintedAsItIs() {
		RunSummaryEntry failed = RunSummaryEntry.of(RunSummaryItem.FAILED_QUERY, 2L, "answer {0} isn't JSON: '{'");
		RunSummaryEntry job = RunSummaryEntry.of(RunSummaryItem.JOB, "team {1}", Path.of("jobs/{2}.yml"), 3L);

		assertThat(failed.label()).isEqualTo("Failed query 2");
		assertThat(failed.value()).isEqualTo("answer {0} isn't JSON: '{'");
		assertThat(job.value()).isEqualTo("team {1} (jobs/{2}.yml), job execution 3");
	}

}
