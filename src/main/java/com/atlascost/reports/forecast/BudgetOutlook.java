package com.atlascost.reports.forecast;

import java.math.BigDecimal;

/** A month's forecast against its budget. */
public enum BudgetOutlook {

	/** Even the band's high end stays within the budget. */
	ON_TRACK,

	/** The forecast is within the budget, the band's high end is not. */
	AT_RISK,

	/** The forecast, or the month so far, is above the budget. */
	OVER;

	static BudgetOutlook of(MonthEndForecast forecast, BigDecimal budget) {
		return of(forecast.forecast(), forecast.high(), forecast.monthToDate(), budget);
	}

	static BudgetOutlook of(BigDecimal expected, BigDecimal high, BigDecimal soFar, BigDecimal budget) {
		if (expected.compareTo(budget) > 0 || soFar.compareTo(budget) > 0) {
			return OVER;
		}
		return (high.compareTo(budget) > 0) ? AT_RISK : ON_TRACK;
	}

}
