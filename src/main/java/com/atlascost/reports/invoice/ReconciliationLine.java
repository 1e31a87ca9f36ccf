package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One organization's month: Cost Explorer's total against the invoice. Dollars, exact.
 *
 * @param orgMonth the organization and month
 * @param invoiceIds the month's invoices of the organization
 * @param billingAccountId the organization that pays the month's invoices
 * @param usage Cost Explorer's total, {@code null} when no query covered the organization
 * @param subtotal the invoices' subtotal (positive line items)
 * @param credits the credits applied, negative (as on the invoice's lines and in Cost
 * Explorer)
 * @param salesTax the sales tax
 * @param billed the billed amount
 * @param provisional the month is still open (a pending invoice)
 * @param reasons what the difference is made of, each with its amount
 */
public record ReconciliationLine(OrgMonth orgMonth, List<String> invoiceIds, String billingAccountId,
		@Nullable BigDecimal usage, BigDecimal subtotal, BigDecimal credits, BigDecimal salesTax, BigDecimal billed,
		boolean provisional, List<Reason> reasons) {

	public ReconciliationLine {
		invoiceIds = List.copyOf(invoiceIds);
		reasons = List.copyOf(reasons);
	}

	/** Usage minus billed; {@code null} without usage. */
	public @Nullable BigDecimal difference() {
		return (this.usage != null) ? this.usage.subtract(this.billed) : null;
	}

	/**
	 * Whether tax, noted lines and what is billed but not itemised explain the whole
	 * difference to the cent: the usage equals the invoice lines without a note. A month
	 * without usage is not reconciled (there is nothing to compare).
	 */
	public boolean reconciled() {
		return this.usage != null && unexplained().isEmpty();
	}

	/**
	 * Whether the month raises the alarm: a settled month with a difference nothing
	 * explains. The open month is still growing on both sides and never flagged.
	 */
	public boolean flagged() {
		return !this.provisional && unexplained().isPresent();
	}

	/** The part of the billed amount nothing explains, when there is one. */
	public Optional<BigDecimal> unexplained() {
		return this.reasons.stream()
			.filter((reason) -> reason.kind() == Kind.UNEXPLAINED)
			.map(Reason::amount)
			.findFirst();
	}

	/**
	 * What the difference is made of, in plain English (the view
	 * {@code invoice_reconciliation} says the same): {@code sales tax 679.70},
	 * {@code noted lines 150.00: ATLAS_SUPPORT "Support true-up"},
	 * {@code unexplained 12.34}, or {@code matches}.
	 */
	public String reason() {
		if (this.reasons.isEmpty()) {
			return "matches";
		}
		return this.reasons.stream().map(Reason::english).collect(Collectors.joining("; "));
	}

	/**
	 * A part of the difference.
	 *
	 * @param kind what it is
	 * @param amount how much of the billed amount it is beyond the usage (dollars)
	 * @param detail the lines concerned, when it helps
	 */
	public record Reason(Kind kind, BigDecimal amount, String detail) {

		String english() {
			return switch (this.kind) {
				case OPEN_MONTH -> "open month";
				case NO_USAGE -> "no usage";
				case SALES_TAX -> "sales tax " + this.amount.toPlainString();
				case NOTED_LINES -> "noted lines " + this.amount.toPlainString() + ": " + this.detail;
				case UNITEMISED -> "unitemised " + this.amount.toPlainString();
				case UNEXPLAINED -> "unexplained " + this.amount.toPlainString();
			};
		}

	}

	/** The kinds of difference between usage and invoice, in the order they are named. */
	public enum Kind {

		/** The open month: usage and invoice are both still growing. */
		OPEN_MONTH,
		/** Sales tax: Cost Explorer does not show it. */
		SALES_TAX,
		/**
		 * Invoice lines with a note (Atlas's adjustments, a support true-up, say): Cost
		 * Explorer has no usage for them.
		 */
		NOTED_LINES,
		/**
		 * Billed but not itemised: a starting balance, a credit or balance from another
		 * month.
		 */
		UNITEMISED,
		/** No query covered the whole organization, so there is no usage to compare. */
		NO_USAGE,
		/**
		 * Nothing above explains it: the invoice lines without a note minus the usage.
		 */
		UNEXPLAINED

	}

}
