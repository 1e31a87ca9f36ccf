package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The forecast of one organization's bill for a month not yet over.
 *
 * @param organizationId the organization
 * @param month the month forecast
 * @param day the day of the month the month-to-date amount was known on
 * @param monthToDate the bill so far
 * @param forecast the expected complete bill
 * @param low the band's low end
 * @param high the band's high end
 * @param method the method's name and version
 */
public record MonthEndForecast(String organizationId, YearMonth month, int day, BigDecimal monthToDate,
		BigDecimal forecast, BigDecimal low, BigDecimal high, String method) {

	/** What the forecast says of a monthly budget. */
	public BudgetOutlook against(BigDecimal budget) {
		return BudgetOutlook.of(this, budget);
	}

}
