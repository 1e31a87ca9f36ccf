package com.atlascost.reports.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of the reports and the console: to the cent, half up. Here, below
 * the report, so the run summary prints an amount as the workbook shows it.
 */
public final class Cents {

	private Cents() {
	}

	public static BigDecimal round(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
