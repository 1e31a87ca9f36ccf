package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * Each organization's Cost Explorer total per month, the side of the reconciliation that
 * is not the invoice, and where it comes from. Today it is read off a grouping that
 * covers the whole organization: {@code organizations}, else {@code services} (without a
 * filter both are the complete usage). The complete bill query plugs in here as another
 * source.
 *
 * @param totals the total of each organization and month
 * @param source what the totals are (shown on the Reconciliation sheet)
 */
public record UsageTotals(Map<OrgMonth, BigDecimal> totals, @Nullable String source) {

	public static UsageTotals none() {
		return new UsageTotals(Map.of(), null);
	}

	/** The totals of the first grouping of the rows that covers whole organizations. */
	public static UsageTotals of(UsageRows rows) {
		Map<Grouping, Map<OrgMonth, BigDecimal>> byGrouping = new EnumMap<>(Grouping.class);
		rows.forEach((StoredUsage row) -> {
			if (row.groupBy() == Grouping.ORGANIZATIONS || row.groupBy() == Grouping.SERVICES) {
				YearMonth month = YearMonth.from((row.usageDate() != null) ? row.usageDate() : row.window().start());
				byGrouping.computeIfAbsent(row.groupBy(), (g) -> new TreeMap<>())
					.merge(new OrgMonth(row.organizationId(), month), row.amount(), BigDecimal::add);
			}
		});
		for (Grouping grouping : new Grouping[] { Grouping.ORGANIZATIONS, Grouping.SERVICES }) {
			if (byGrouping.containsKey(grouping)) {
				return new UsageTotals(byGrouping.get(grouping), grouping.apiName() + " grouping");
			}
		}
		return none();
	}

	public @Nullable BigDecimal of(OrgMonth orgMonth) {
		return this.totals.get(orgMonth);
	}

}
