package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Delivery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * A run of January to March 2026 (March provisional) of two organizations, grouped by
 * projects and services, whose March goes over Acme Production's budgets and jumps:
 *
 * <pre>
 * Acme Production  Jan      Feb      Mar       budget
 *   service Clusters 1000   1000     1500      (+50 %, +$500: anomaly)
 *   service Storage   100    100      150      (+50 % but only +$50)
 *   service Backup   2000   2000     2300      (+15 %)
 *   project Analytics 1200  1200     1300      1250 (over in March)
 *   project Web       1900  1900     2650      (+39 %, +$750: anomaly)
 *   Support            50     50       50      (org-level: in the bill, in no project)
 *   bill              3150  3150     4000      3500 (over in March)
 * Acme Analytics: 100 a month of Clusters in project Lab, no budget
 * </pre> Acme Production's March forecast, on day 10: $9,000 (band $8,000 to $10,000).
 */
final class DeliveryFixture {

	static final String ACME = "5f0c2a3b4d5e6f7081920a1b";

	static final String ANALYTICS_ORG = "5f0c2a3b4d5e6f7081920b2c";

	static final String ANALYTICS_PROJECT = "6a1b2c3d4e5f60718293a4b1";

	static final String WEB_PROJECT = "6a1b2c3d4e5f60718293a4b2";

	static final String LAB_PROJECT = "6a1b2c3d4e5f60718293c4d1";

	static final YearMonth JAN = YearMonth.of(2026, 1);

	static final YearMonth FEB = YearMonth.of(2026, 2);

	static final YearMonth MAR = YearMonth.of(2026, 3);

	private DeliveryFixture() {
	}

	static List<StoredUsage> rows() {
		List<StoredUsage> rows = new ArrayList<>();
		int[][] services = { { 1000, 1000, 1500 }, { 100, 100, 150 }, { 2000, 2000, 2300 } };
		String[] serviceNames = { "Clusters", "Storage", "Backup" };
		int[][] projects = { { 1200, 1200, 1300 }, { 1900, 1900, 2650 } };
		String[][] projectNames = { { ANALYTICS_PROJECT, "Analytics" }, { WEB_PROJECT, "Web" } };
		List<YearMonth> months = List.of(JAN, FEB, MAR);
		for (int m = 0; m < 3; m++) {
			for (int s = 0; s < 3; s++) {
				rows.add(row(ACME, "Acme Production", Grouping.SERVICES, months.get(m), null, null, serviceNames[s],
						services[s][m]));
			}
			for (int p = 0; p < 2; p++) {
				rows.add(row(ACME, "Acme Production", Grouping.PROJECTS, months.get(m), projectNames[p][0],
						projectNames[p][1], null, projects[p][m]));
			}
			rows.add(row(ANALYTICS_ORG, "Acme Analytics", Grouping.SERVICES, months.get(m), null, null, "Clusters",
					100));
			rows.add(row(ANALYTICS_ORG, "Acme Analytics", Grouping.PROJECTS, months.get(m), LAB_PROJECT, "Lab", null,
					100));
		}
		return rows;
	}

	/** The complete bills: the services plus Support. */
	static List<StoredBill> bills() {
		List<StoredBill> bills = new ArrayList<>();
		int[] acme = { 3150, 3150, 4000 };
		List<YearMonth> months = List.of(JAN, FEB, MAR);
		for (int m = 0; m < 3; m++) {
			bills.add(new StoredBill(ACME, "Acme Production", months.get(m), new BigDecimal(acme[m]),
					months.get(m).equals(MAR)));
			bills.add(new StoredBill(ANALYTICS_ORG, "Acme Analytics", months.get(m), new BigDecimal(100),
					months.get(m).equals(MAR)));
		}
		return bills;
	}

	static List<MonthEndForecast> forecasts() {
		return List.of(new MonthEndForecast(ACME, MAR, 10, new BigDecimal("4000"), new BigDecimal("9000"),
				new BigDecimal("8000"), new BigDecimal("10000"), "blended-run-rate-v1"));
	}

	static List<Budget> budgets() {
		return List.of(new Budget(ACME, null, new BigDecimal("3500")),
				new Budget(ACME, ANALYTICS_PROJECT, new BigDecimal("1250")));
	}

	static Delivery delivery() {
		return new Delivery(List.of("finance@example.com"), List.of("controller@example.com"),
				Set.of(Delivery.Attachment.WORKBOOK), List.of("finops@example.com"), true);
	}

	static DeliveryRequest request(long runKey, Path workbook, Path focusCsv, Delivery delivery, List<Budget> budgets) {
		Map<String, String> organizations = new LinkedHashMap<>();
		organizations.put(ACME, "Acme Production");
		organizations.put(ANALYTICS_ORG, "Acme Analytics");
		return new DeliveryRequest(
				new DeliveryRequest.Run("finance-check", runKey, JAN, MAR, new TreeSet<>(Set.of(MAR))),
				new DeliveryRequest.Files(workbook, focusCsv),
				new DeliveryRequest.JobFile(delivery, budgets, organizations),
				new DeliveryRequest.Amounts(bills(), forecasts(), UsageRows.of(rows())));
	}

	private static StoredUsage row(String org, String label, Grouping grouping, YearMonth month, String projectId,
			String projectName, String service, int amount) {
		LocalDate day = month.atDay(1);
		return new StoredUsage(1, org, label, grouping, MonthWindow.of(month), day, label, projectId, projectName, null,
				null, service, new BigDecimal(amount), month.equals(MAR), Instant.parse("2026-03-10T02:00:00Z"));
	}

}
