package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.invoice.ReconciliationLine.Kind;
import com.atlascost.reports.invoice.ReconciliationLine.Reason;

/**
 * Reconciles each organization's months with their invoices. Cost Explorer's usage
 * already holds the credits (negative rows), so a month is <em>reconciled</em> when the
 * usage equals, to the cent, the invoice lines without a note: then the sales tax, the
 * noted lines (Atlas's adjustments, such as a support true-up, come with a note and have
 * no Cost Explorer usage) and whatever is billed but not itemised (a starting balance)
 * explain the whole difference, and each is named with its amount. Only the rest is
 * {@link Kind#UNEXPLAINED}. The view {@code invoice_reconciliation} computes the same.
 */
public final class Reconciler {

	private Reconciler() {
	}

	/**
	 * One line per organization of {@code orgIds} and month with an invoice, by
	 * organization then month.
	 */
	public static List<ReconciliationLine> reconcile(Collection<String> orgIds, List<Invoice> invoices,
			UsageTotals usage) {
		Map<OrgMonth, List<Invoice>> byOrgMonth = invoices.stream()
			.filter((invoice) -> orgIds.contains(invoice.orgId()))
			.sorted(Comparator.comparing(Invoice::id))
			.collect(Collectors.groupingBy((invoice) -> new OrgMonth(invoice.orgId(), invoice.month()), TreeMap::new,
					Collectors.toList()));
		List<ReconciliationLine> lines = new ArrayList<>();
		byOrgMonth.forEach((orgMonth, monthInvoices) -> lines.add(line(orgMonth, monthInvoices, usage.of(orgMonth))));
		return lines;
	}

	private static ReconciliationLine line(OrgMonth orgMonth, List<Invoice> invoices, @Nullable BigDecimal usage) {
		long subtotal = 0;
		long credits = 0;
		long tax = 0;
		long billed = 0;
		long unitemised = 0;
		boolean open = false;
		for (Invoice invoice : invoices) {
			subtotal += invoice.subtotalCents();
			credits += invoice.creditsCents();
			tax += invoice.salesTaxCents();
			billed += invoice.amountBilledCents();
			unitemised += invoice.unitemisedCents();
			open |= invoice.status() == InvoiceStatus.PENDING;
		}
		List<InvoiceLineItem> noted = invoices.stream()
			.flatMap((invoice) -> invoice.lineItems().stream())
			.filter(Reconciler::noted)
			.toList();
		long notedCents = noted.stream().mapToLong(InvoiceLineItem::totalPriceCents).sum();
		long plainCents = invoices.stream()
			.flatMap((invoice) -> invoice.lineItems().stream())
			.filter((line) -> !noted(line))
			.mapToLong(InvoiceLineItem::totalPriceCents)
			.sum();
		List<Reason> reasons = new ArrayList<>();
		if (open) {
			reasons.add(new Reason(Kind.OPEN_MONTH, dollars(0), ""));
		}
		if (tax != 0) {
			reasons.add(new Reason(Kind.SALES_TAX, dollars(tax), ""));
		}
		if (!noted.isEmpty()) {
			String detail = noted.stream()
				.map((line) -> line.sku() + " \"" + line.note() + "\"")
				.collect(Collectors.joining(", "));
			reasons.add(new Reason(Kind.NOTED_LINES, dollars(notedCents), detail));
		}
		if (unitemised != 0) {
			reasons.add(new Reason(Kind.UNITEMISED, dollars(unitemised), ""));
		}
		if (usage == null) {
			reasons.add(new Reason(Kind.NO_USAGE, dollars(0), ""));
		}
		else {
			// usage keeps Atlas's decimals, the invoice cents: compare what is shown
			long rest = plainCents - cents(usage);
			if (rest != 0) {
				reasons.add(new Reason(Kind.UNEXPLAINED, dollars(rest), ""));
			}
		}
		List<String> ids = invoices.stream().map(Invoice::id).toList();
		return new ReconciliationLine(orgMonth, ids, invoices.get(0).payingOrgId(), usage, dollars(subtotal),
				dollars(-credits), dollars(tax), dollars(billed), open, reasons);
	}

	/** A line Atlas explains with a note: an adjustment Cost Explorer does not show. */
	static boolean noted(InvoiceLineItem line) {
		return line.note() != null && !line.note().isBlank();
	}

	/** Dollars rounded half up to the cent, as the views cast them. */
	static long cents(BigDecimal dollars) {
		return dollars.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
	}

	static BigDecimal dollars(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

}
