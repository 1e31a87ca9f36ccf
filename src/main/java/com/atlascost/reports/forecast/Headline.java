package com.atlascost.reports.forecast;

import java.math.BigDecimal;

/**
 * What the reports headline for an organization or billing account in one month, exact
 * (rounded once where shown), and which amount it is.
 *
 * @param amount the amount
 * @param kind which of the three amounts it is
 */
public record Headline(BigDecimal amount, Kind kind) {

	static final Headline NONE = new Headline(BigDecimal.ZERO, Kind.NONE);

	/** Adds another organization's headline of the same month. */
	Headline plus(Headline other) {
		Kind combined = (this.kind == Kind.NONE || this.kind == other.kind) ? other.kind
				: (other.kind == Kind.NONE) ? this.kind : Kind.MIXED;
		return new Headline(this.amount.add(other.amount), combined);
	}

	/** The amounts a headline can be. */
	public enum Kind {

		/** The invoices' billed amount: a closed month with its invoices. */
		BILLED,
		/** The open month's accrual: forecast usage and expected tax. */
		ACCRUAL,
		/** Usage, before tax: a closed month without an invoice, marked as such. */
		USAGE_NO_INVOICE,
		/** Billed for some organizations, usage for others without an invoice. */
		MIXED,
		/** Nothing: no usage, no invoice. */
		NONE

	}

}
