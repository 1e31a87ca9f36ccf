package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * A run's stored usage summed for delivery: each organization's bill per month, and each
 * project's and service's amount per month. Read once from the rows; only sums are kept.
 *
 * @param organizations organization id to label, in the order the rows first name them
 * @param bills organization id to month to its bill
 * @param lines the projects' and services' amounts
 * @param billGrouping the grouping the bills are summed from
 */
record Spend(Map<String, String> organizations, Map<String, Map<YearMonth, BigDecimal>> bills, List<Line> lines,
		Grouping billGrouping) {

	/**
	 * Sums the rows. An organization's bill comes from the most complete grouping the run
	 * has (organizations, else services, else the first), as the Budgets sheet reads it.
	 */
	static Spend of(UsageRows rows, List<Grouping> groupings) {
		Grouping billGrouping = billGrouping(groupings);
		Map<String, String> organizations = new LinkedHashMap<>();
		Map<String, Map<YearMonth, BigDecimal>> bills = new LinkedHashMap<>();
		Map<List<String>, Line> lines = new LinkedHashMap<>();
		rows.forEach((StoredUsage row) -> {
			organizations.putIfAbsent(row.organizationId(), row.organizationLabel());
			YearMonth month = monthOf(row);
			if (row.groupBy() == billGrouping) {
				bills.computeIfAbsent(row.organizationId(), (id) -> new TreeMap<>())
					.merge(month, row.amount(), BigDecimal::add);
			}
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
					.merge(month, row.amount(), BigDecimal::add);
			}
		});
		return new Spend(organizations, bills, new ArrayList<>(lines.values()), billGrouping);
	}

	private static Grouping billGrouping(List<Grouping> groupings) {
		for (Grouping complete : List.of(Grouping.ORGANIZATIONS, Grouping.SERVICES)) {
			if (groupings.contains(complete)) {
				return complete;
			}
		}
		return groupings.get(0);
	}

	/** The month an amount belongs to: its usage date, else its query window's. */
	private static YearMonth monthOf(StoredUsage row) {
		return (row.usageDate() != null) ? YearMonth.from(row.usageDate()) : row.window().month();
	}

	String label(String organizationId) {
		return this.organizations.getOrDefault(organizationId, organizationId);
	}

	/** An organization's bill of a month; zero without usage. */
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
