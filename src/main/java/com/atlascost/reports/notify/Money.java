package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** US dollars as mails and alerts show them: $1,234.56, exact to the cent. */
final class Money {

	private Money() {
	}

	static String usd(BigDecimal amount) {
		String digits = format(amount.abs());
		return (amount.signum() < 0) ? "-$" + digits : "$" + digits;
	}

	/** With its sign always shown: +$12.00, -$3.50. */
	static String signedUsd(BigDecimal amount) {
		return (amount.signum() < 0) ? usd(amount) : "+" + usd(amount);
	}

	private static String format(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setParseBigDecimal(true);
		return format.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

}
