package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One organization's month: Cost Explorer's total against the invoice. Dollars, exact.
 *
 * @param orgMonth the organization and month
 * @param invoiceIds the month's invoices of the organization
 * @param usage Cost Explorer's total, {@code null} when no query covered the organization
 * @param subtotal the invoices' subtotal (positive line items)
 * @param credits the credits applied (positive)
 * @param salesTax the sales tax
 * @param billed the billed amount
 * @param provisional the month is still open (a pending invoice)
 * @param reasons what the difference is made of, each with its amount
 */
public record ReconciliationLine(OrgMonth orgMonth, List<String> invoiceIds, @Nullable BigDecimal usage,
		BigDecimal subtotal, BigDecimal credits, BigDecimal salesTax, BigDecimal billed, boolean provisional,
		List<Reason> reasons) {

	/** A difference above one cent. */
	static final BigDecimal TOLERANCE = new BigDecimal("0.01");

	/** Usage minus billed; {@code null} without usage. */
	public @Nullable BigDecimal difference() {
		return (this.usage != null) ? this.usage.subtract(this.billed) : null;
	}

	/** Whether usage and invoice agree to the cent (a month without usage does not). */
	public boolean reconciles() {
		BigDecimal difference = difference();
		return difference != null && difference.abs().compareTo(TOLERANCE) <= 0;
	}

	/**
	 * A part of the difference.
	 *
	 * @param kind what it is
	 * @param amount how much of the billed amount it is (dollars)
	 * @param detail the lines or invoices concerned, when it helps
	 */
	public record Reason(Kind kind, BigDecimal amount, String detail) {
	}

	/** The kinds of difference between usage and invoice. */
	public enum Kind {

		/** The open month: usage and invoice are both still growing. */
		OPEN_MONTH,
		/** Sales tax: Cost Explorer does not show it. */
		SALES_TAX,
		/** Invoice lines Cost Explorer has no usage for (a support true-up, say). */
		UNMATCHED_LINES,
		/** Billed but not itemised: a credit or balance from another month. */
		OTHER_MONTH_CREDIT,
		/** Nothing above explains it. */
		UNEXPLAINED,
		/** No query covered the whole organization, so there is no usage to compare. */
		NO_USAGE

	}

}
