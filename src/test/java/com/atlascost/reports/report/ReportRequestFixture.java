package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Binder;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.summary.RunSummaryEntry;
import com.atlascost.reports.summary.RunSummaryItem;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * A hand-built run: two organizations, three months (the last provisional), groupings
 * projects then services, credits, an org-level charge without a project, an org with an
 * empty month, and an organization name that looks like a formula.
 */
final class ReportRequestFixture {

	static final String ORG_A = "5f0c2a3b4d5e6f7081920a1b";

	static final String ORG_B = "6a1b2c3d4e5f60718293a4b5";

	static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

	static final String P1 = "64a1b2c3d4e5f60718293a01";

	static final String P2 = "64a1b2c3d4e5f60718293a02";

	static final String P3 = "64a1b2c3d4e5f60718293a03";

	static final YearMonth SEP = YearMonth.of(2026, 9);

	static final YearMonth OCT = YearMonth.of(2026, 10);

	static final YearMonth NOV = YearMonth.of(2026, 11);

	static final Instant SETTLED_FETCH = Instant.parse("2026-11-03T04:05:06Z");

	static final Instant OPEN_FETCH = Instant.parse("2026-12-01T05:30:00Z");

	private ReportRequestFixture() {
	}

	/** The workbook's settings as the application binds them when none are given. */
	static ReportSettings settings() {
		return ReportSettings.of(new Binder().bindOrCreate("report", WorkbookProperties.class));
	}

	static ReportMessages english() {
		return new ReportMessages(Locale.ENGLISH);
	}

	static ReportRequest realistic() {
		return request("finance-monthly", realisticRows());
	}

	static ReportRequest request(String jobName, List<StoredUsage> rows) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("job", "jobs/finance-monthly.yml");
		parameters.put("from", "2026-09");
		parameters.put("to", "2026-11");
		return inMemory(jobName, SEP, NOV, List.of(Grouping.PROJECTS, Grouping.SERVICES), rows, parameters,
				"2025-02-19", Instant.parse("2026-12-01T06:00:00Z"), new TreeSet<>(List.of(NOV)), billsOf(rows));
	}

	/**
	 * A request over rows in memory, without budgets, query counts, run summary or
	 * forecasts. The rows are listed by grouping in the job's order, organization label
	 * and id, then month, as the store orders them.
	 */
	static ReportRequest inMemory(String jobName, YearMonth from, YearMonth to, List<Grouping> groupings,
			List<StoredUsage> rows, Map<String, String> parameters, String apiVersion, Instant generatedAt,
			SortedSet<YearMonth> provisionalMonths, List<StoredBill> bills) {
		return new ReportRequest(
				new ReportRequest.Scope(jobName, from, to, provisionalMonths, groupings, false, List.of()),
				UsageRows.of(inReportOrder(groupings, rows)), new ReportRequest.Billing(bills, List.of()),
				new ReportRequest.RunInfo(parameters, apiVersion, generatedAt, Map.of(), new RunSummary(List.of())));
	}

	private static List<StoredUsage> inReportOrder(List<Grouping> groupings, List<StoredUsage> rows) {
		List<StoredUsage> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator
			.<StoredUsage>comparingInt((row) -> groupings.contains(row.groupBy()) ? groupings.indexOf(row.groupBy())
					: groupings.size() + row.groupBy().ordinal())
			.thenComparing(StoredUsage::organizationLabel, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(StoredUsage::organizationId)
			.thenComparing(ReportMonths::monthOf));
		return sorted;
	}

	/** The project's writer with the default settings (English). */
	static ReportWriter writer(Path reportsDirectory) {
		return new ReportWriter(reportsDirectory, new WorkbookWriter(settings()), new FocusCsvWriter());
	}

	/**
	 * What the sheets show of a request: its rows read and summed, as the writer does.
	 */
	static ReportContents contents(ReportRequest request) {
		ReportContents.Sums sums = new ReportContents.Sums(request, english());
		request.rows().forEach(sums);
		return sums.contents();
	}

	/**
	 * The realistic run seen while November is still open: each organization's November
	 * forecast, a budget of Acme Production (250.00 a month) and one of its checkout
	 * project (100.00).
	 */
	static ReportRequest withBudgetsAndForecast() {
		List<StoredUsage> rows = realisticRows();
		ReportRequest plain = request("finance-monthly", rows);
		List<MonthEndForecast> forecasts = List.of(
				new MonthEndForecast(ORG_A, NOV, 20, new BigDecimal("60.33"), new BigDecimal("90.00"),
						new BigDecimal("80.00"), new BigDecimal("100.00"), "blended-run-rate-v1"),
				new MonthEndForecast(ORG_B, NOV, 20, new BigDecimal("9.84"), new BigDecimal("15.00"),
						new BigDecimal("12.00"), new BigDecimal("18.00"), "blended-run-rate-v1"));
		RunSummary summary = new RunSummary(
				List.of(new RunSummaryEntry(RunSummaryItem.JOB,
						List.of("finance-monthly", Path.of("jobs/finance-monthly.yml"), 7L)),
						new RunSummaryEntry(RunSummaryItem.QUERIES, List.of(12L, 12L, 9L, 3L, 0L)),
						new RunSummaryEntry(RunSummaryItem.ROWS_STORED, List.of(20L)),
						new RunSummaryEntry(RunSummaryItem.TOTAL, List.of(SEP, new BigDecimal("255.75"))),
						new RunSummaryEntry(RunSummaryItem.TOTAL, List.of(OCT, new BigDecimal("190.00"))),
						new RunSummaryEntry(RunSummaryItem.TOTAL, List.of(NOV, new BigDecimal("70.17"))),
						new RunSummaryEntry(RunSummaryItem.FORECAST, List.of(NOV, new BigDecimal("105.00"),
								new BigDecimal("92.00"), new BigDecimal("118.00"), 2L, 2L))))
			.withExitCode(ExitCode.DONE);
		ReportRequest.Scope scope = plain.scope();
		ReportRequest.RunInfo run = plain.run();
		return new ReportRequest(
				new ReportRequest.Scope(scope.jobName(), scope.from(), scope.to(), scope.provisionalMonths(),
						scope.groupings(), false,
						List.of(new Budget(ORG_A, null, new BigDecimal("250.00")),
								new Budget(ORG_A, P1, new BigDecimal("100.00")))),
				plain.rows(), new ReportRequest.Billing(plain.billing().bills(), forecasts), new ReportRequest.RunInfo(
						run.parameters(), run.apiVersion(), run.generatedAt(), Map.of("DONE", 12L), summary));
	}

	/**
	 * The bills of these rows: each org-month's services total, which has every charge
	 * (Support and Credits are services).
	 */
	static List<StoredBill> billsOf(List<StoredUsage> rows) {
		Map<List<Object>, StoredBill> bills = new LinkedHashMap<>();
		for (StoredUsage row : rows) {
			if (row.groupBy() == Grouping.SERVICES) {
				YearMonth month = YearMonth.from(row.window().start());
				bills.merge(List.of(row.organizationId(), month),
						new StoredBill(row.organizationId(), row.organizationLabel(), month, row.amount(),
								row.provisional()),
						(a, b) -> new StoredBill(a.organizationId(), a.organizationLabel(), a.month(),
								a.amount().add(b.amount()), a.provisional() || b.provisional()));
			}
		}
		return List.copyOf(bills.values());
	}

	static List<StoredUsage> realisticRows() {
		List<StoredUsage> rows = new ArrayList<>();
		// projects grouping, Acme Production
		rows.add(project(1, ORG_A, SEP, P1, "checkout", "120.50"));
		rows.add(project(1, ORG_A, SEP, P2, "search", "80.25"));
		rows.add(project(1, ORG_A, SEP, null, null, "15.00"));
		rows.add(project(2, ORG_A, OCT, P1, "checkout", "130.10"));
		rows.add(project(2, ORG_A, OCT, P2, "search", "79.90"));
		rows.add(project(2, ORG_A, OCT, null, null, "-20.00"));
		rows.add(project(3, ORG_A, NOV, P1, "checkout", "60.33"));
		// projects grouping, Acme Labs: nothing in October, a project-level credit in
		// November
		rows.add(project(4, ORG_B, SEP, P3, "ml-lab", "40.00"));
		rows.add(project(6, ORG_B, NOV, P3, "ml-lab", "12.34"));
		rows.add(project(6, ORG_B, NOV, P3, "ml-lab", "-2.50"));
		// services grouping
		rows.add(service(7, ORG_A, SEP, "Clusters", "180.00"));
		rows.add(service(7, ORG_A, SEP, "Backup", "20.75"));
		rows.add(service(7, ORG_A, SEP, "Support", "15.00"));
		rows.add(service(8, ORG_A, OCT, "Clusters", "190.00"));
		rows.add(service(8, ORG_A, OCT, "Backup", "20.00"));
		rows.add(service(8, ORG_A, OCT, "Credits", "-20.00"));
		rows.add(service(9, ORG_A, NOV, "Clusters", "60.33"));
		rows.add(service(10, ORG_B, SEP, "Clusters", "40.00"));
		rows.add(service(12, ORG_B, NOV, "Clusters", "12.34"));
		rows.add(service(12, ORG_B, NOV, "Credits", "-2.50"));
		return rows;
	}

	static StoredUsage project(long queryId, String org, YearMonth month, String projectId, String projectName,
			String amount) {
		return usage(queryId, org, Grouping.PROJECTS, month, projectId, projectName, null, amount);
	}

	static StoredUsage service(long queryId, String org, YearMonth month, String service, String amount) {
		return usage(queryId, org, Grouping.SERVICES, month, null, null, service, amount);
	}

	static StoredUsage usage(long queryId, String org, Grouping grouping, YearMonth month, String projectId,
			String projectName, String service, String amount) {
		boolean provisional = month.equals(NOV);
		return new StoredUsage(queryId, org, label(org), grouping, MonthWindow.of(month), month.atDay(1), apiName(org),
				projectId, projectName, null, null, service, new BigDecimal(amount), provisional,
				provisional ? OPEN_FETCH : SETTLED_FETCH);
	}

	static String label(String org) {
		return ORG_A.equals(org) ? "Acme Production" : "Acme Labs";
	}

	static String apiName(String org) {
		return ORG_A.equals(org) ? "Acme Prod" : FORMULA_NAME;
	}

}
