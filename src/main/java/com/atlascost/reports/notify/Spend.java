package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.atlascost.reports.forecast.BillingAccount;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * A run's stored amounts summed for delivery: each organization's complete bill per month
 * (the bill queries: Support, Premium Features and credits included, as on the Summary
 * and Budgets sheets), and each project's and service's amount per month from the
 * groupings. Only sums are kept.
 *
 * @param organizations organization id to label, in the order the bills first name them
 * @param bills organization id to month to its complete bill
 * @param lines the projects' and services' amounts
 */
record Spend(Map<String, String> organizations, Map<String, Map<YearMonth, BigDecimal>> bills, List<Line> lines) {

	/**
	 * The amounts budgets are held against, on the job's basis: each organization's
	 * billed amount (its usage in a month without an invoice, its billed so far in the
	 * open month) or its usage, from the same three amounts the mail and the Summary
	 * show.
	 */
	static Spend of(BillingAmounts amounts, Accounting.BudgetBasis basis, List<StoredBill> storedBills,
			UsageRows rows) {
		Spend usage = of(storedBills, rows);
		Map<String, Map<YearMonth, BigDecimal>> actuals = new LinkedHashMap<>();
		Map<String, String> organizations = new LinkedHashMap<>(usage.organizations());
		for (BillingAccount account : amounts.accounts()) {
			for (String org : account.organizationIds()) {
				organizations.putIfAbsent(org, amounts.label(org));
				Map<YearMonth, BigDecimal> byMonth = actuals.computeIfAbsent(org, (id) -> new TreeMap<>());
				for (YearMonth month : usage.months()) {
					byMonth.put(month, amounts.budgetActual(org, month, basis));
				}
			}
		}
		return new Spend(organizations, actuals, usage.lines());
	}

	/** Every month an amount is known for. */
	private List<YearMonth> months() {
		java.util.SortedSet<YearMonth> months = new java.util.TreeSet<>();
		this.bills.values().forEach((byMonth) -> months.addAll(byMonth.keySet()));
		this.lines.forEach((line) -> months.addAll(line.amounts().keySet()));
		return new ArrayList<>(months);
	}

	static Spend of(List<StoredBill> storedBills, UsageRows rows) {
		Map<String, String> organizations = new LinkedHashMap<>();
		Map<String, Map<YearMonth, BigDecimal>> bills = new LinkedHashMap<>();
		for (StoredBill bill : storedBills) {
			organizations.putIfAbsent(bill.organizationId(), bill.organizationLabel());
			bills.computeIfAbsent(bill.organizationId(), (id) -> new TreeMap<>())
				.merge(bill.month(), bill.amount(), BigDecimal::add);
		}
		Map<List<String>, Line> lines = new LinkedHashMap<>();
		rows.forEach((StoredUsage row) -> {
			organizations.putIfAbsent(row.organizationId(), row.organizationLabel());
			String id = switch (row.groupBy()) {
				case PROJECTS -> row.projectId();
				case SERVICES -> row.service();
				default -> null;
			};
			if (id != null) {
				String name = (row.groupBy() == Grouping.PROJECTS) ? Objects.requireNonNullElse(row.projectName(), id)
						: id;
				lines
					.computeIfAbsent(List.of(row.organizationId(), row.groupBy().name(), id),
							(key) -> new Line(row.organizationId(), row.groupBy(), id, name, new TreeMap<>()))
					.amounts()
					.merge(monthOf(row), row.amount(), BigDecimal::add);
			}
		});
		return new Spend(organizations, bills, new ArrayList<>(lines.values()));
	}

	/** The month an amount belongs to: its usage date, else its query window's. */
	private static YearMonth monthOf(StoredUsage row) {
		return (row.usageDate() != null) ? YearMonth.from(row.usageDate()) : row.window().month();
	}

	String label(String organizationId) {
		return this.organizations.getOrDefault(organizationId, organizationId);
	}

	/** An organization's complete bill of a month; zero without usage. */
	BigDecimal bill(String organizationId, YearMonth month) {
		return this.bills.getOrDefault(organizationId, Map.of()).getOrDefault(month, BigDecimal.ZERO);
	}

	/** A project's or service's amounts per month within one organization. */
	record Line(String organizationId, Grouping grouping, String id, String name, Map<YearMonth, BigDecimal> amounts) {

		BigDecimal amount(YearMonth month) {
			return this.amounts.getOrDefault(month, BigDecimal.ZERO);
		}

	}

}
