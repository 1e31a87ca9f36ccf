package com.atlascost.reports.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An invoice, checked: its line items add up to its subtotal. Amounts are integer cents.
 *
 * @param id Atlas's invoice id
 * @param orgId the organization the invoice bills: the one whose usage its lines are
 * @param payingOrgId the organization that pays it: {@code orgId}, or for an invoice of a
 * linked organization the paying organization whose invoice lists it
 * @param startDate the start of the billing period
 * @param endDate the end of the billing period (exclusive)
 * @param status its status
 * @param subtotalCents the sum of the positive line items
 * @param creditsCents the credits applied (positive)
 * @param salesTaxCents the sales tax
 * @param amountBilledCents what the organization is billed
 * @param lineItems the lines, in Atlas's order
 * @param updated when Atlas last updated the invoice, if it says
 */
public record Invoice(String id, String orgId, String payingOrgId, Instant startDate, Instant endDate,
		InvoiceStatus status, long subtotalCents, long creditsCents, long salesTaxCents, long amountBilledCents,
		List<InvoiceLineItem> lineItems, @Nullable Instant updated) {

	public Invoice {
		lineItems = List.copyOf(lineItems);
	}

	/** An invoice whose last update Atlas does not say. */
	public Invoice(String id, String orgId, String payingOrgId, Instant startDate, Instant endDate,
			InvoiceStatus status, long subtotalCents, long creditsCents, long salesTaxCents, long amountBilledCents,
			List<InvoiceLineItem> lineItems) {
		this(id, orgId, payingOrgId, startDate, endDate, status, subtotalCents, creditsCents, salesTaxCents,
				amountBilledCents, lineItems, null);
	}

	/** The month the invoice bills: the month its period starts in (UTC). */
	public YearMonth month() {
		return YearMonth.from(this.startDate.atOffset(ZoneOffset.UTC));
	}

	long lineItemsCents() {
		return this.lineItems.stream().mapToLong(InvoiceLineItem::totalPriceCents).sum();
	}

	/**
	 * What the billed amount holds beyond the lines and the tax (a starting balance, a
	 * credit from another month): zero when the invoice is fully itemised.
	 */
	public long unitemisedCents() {
		return this.amountBilledCents - lineItemsCents() - this.salesTaxCents;
	}

}
