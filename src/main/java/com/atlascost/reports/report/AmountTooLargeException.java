package com.atlascost.reports.report;

import java.math.BigDecimal;

/**
 * An amount a spreadsheet cell cannot show to the cent (more than 15 significant digits).
 * The report is not written, rather than written with a rounded figure; the database
 * keeps the amount exactly.
 */
class AmountTooLargeException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	AmountTooLargeException(String sheet, String cell, BigDecimal amount) {
		super("The report was not written: " + amount.toPlainString() + " USD (sheet '" + sheet + "', cell " + cell
				+ ") has more than " + CellAmount.MAX_WHOLE_DIGITS
				+ " digits before the cents, and a spreadsheet cell keeps 15 significant digits, so it would show"
				+ " another amount. The database holds it exactly; check the answer Atlas sent for it.");
	}

}
