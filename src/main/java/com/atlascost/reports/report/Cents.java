package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of the reports: to the cent, half up. */
final class Cents {

	private Cents() {
	}

	static BigDecimal round(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
