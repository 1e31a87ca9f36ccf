package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of a grouping sheet: an organization's spend on one dimension value, by month.
 *
 * @param organization the organization the usage was queried for
 * @param dimensionId the project, cluster or organization id; {@code null} for services
 * and for usage without the dimension
 * @param dimensionName the name to show, or the grouping's "(no ...)" label
 * @param amounts the exact sums by month; months without usage are absent
 */
record GroupingLine(ReportOrganization organization, @Nullable String dimensionId, String dimensionName,
		Map<YearMonth, BigDecimal> amounts) {

	GroupingLine {
		amounts = Map.copyOf(amounts);
	}

	BigDecimal amount(YearMonth month) {
		return this.amounts.getOrDefault(month, BigDecimal.ZERO);
	}

	BigDecimal total() {
		return this.amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
