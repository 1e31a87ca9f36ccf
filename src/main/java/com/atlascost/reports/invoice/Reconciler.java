package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.invoice.ReconciliationLine.Kind;
import com.atlascost.reports.invoice.ReconciliationLine.Reason;

/**
 * Reconciles each organization's months with their invoices and names what makes any
 * difference: the open month, sales tax, amounts billed but not itemised, and invoice
 * lines carrying a note (Atlas's adjustments, such as a support true-up, come with one
 * and have no Cost Explorer usage) when they account for the rest exactly.
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
		long lines = 0;
		long unitemised = 0;
		boolean open = false;
		for (Invoice invoice : invoices) {
			subtotal += invoice.subtotalCents();
			credits += invoice.creditsCents();
			tax += invoice.salesTaxCents();
			billed += invoice.amountBilledCents();
			lines += invoice.lineItemsCents();
			unitemised += invoice.unitemisedCents();
			open |= invoice.status() == InvoiceStatus.PENDING;
		}
		List<Reason> reasons = new ArrayList<>();
		if (open) {
			reasons.add(new Reason(Kind.OPEN_MONTH, BigDecimal.ZERO.setScale(2), "pending invoice"));
		}
		if (tax != 0) {
			reasons.add(new Reason(Kind.SALES_TAX, dollars(tax), ""));
		}
		if (unitemised != 0) {
			reasons.add(new Reason(Kind.OTHER_MONTH_CREDIT, dollars(unitemised), ""));
		}
		if (usage == null) {
			reasons.add(new Reason(Kind.NO_USAGE, BigDecimal.ZERO.setScale(2), ""));
		}
		else {
			// usage keeps Atlas's decimals, the invoice cents: compare what is shown
			long rest = lines - usage.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
			if (rest != 0) {
				reasons.add(unmatched(invoices, rest));
			}
		}
		List<String> ids = invoices.stream().map(Invoice::id).toList();
		return new ReconciliationLine(orgMonth, ids, usage, dollars(subtotal), dollars(credits), dollars(tax),
				dollars(billed), open, List.copyOf(reasons));
	}

	/** The noted lines when they are exactly the rest, else an unexplained rest. */
	private static Reason unmatched(List<Invoice> invoices, long restCents) {
		List<InvoiceLineItem> noted = invoices.stream()
			.flatMap((invoice) -> invoice.lineItems().stream())
			.filter((line) -> line.note() != null && !line.note().isBlank())
			.toList();
		long notedCents = noted.stream().mapToLong(InvoiceLineItem::totalPriceCents).sum();
		if (!noted.isEmpty() && notedCents == restCents) {
			String detail = noted.stream()
				.map((line) -> line.sku() + " \"" + line.note() + "\"")
				.collect(Collectors.joining("; "));
			return new Reason(Kind.UNMATCHED_LINES, dollars(restCents), detail);
		}
		return new Reason(Kind.UNEXPLAINED, dollars(restCents), "");
	}

	static BigDecimal dollars(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

}
