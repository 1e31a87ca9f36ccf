package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A settled month's invoice that changed after it was stored (a charge posted late, a
 * status that moved on): its usage is fetched again by the next plan.
 *
 * @param organizationId the organization the invoice bills
 * @param billingAccountId the organization that pays it
 * @param month the month it bills
 * @param invoiceId Atlas's invoice id
 * @param oldBilled the billed amount stored, dollars
 * @param newBilled the billed amount now, dollars
 * @param oldStatus the status stored
 * @param newStatus the status now
 * @param oldUpdated when Atlas had last updated it, as stored
 * @param newUpdated when Atlas last updated it now
 * @param detectedAt when the run saw the change
 * @param reason what changed, in plain English
 * @param refetchedAt when a plan fetched the month's usage again; {@code null} until then
 */
public record UsageRevision(String organizationId, String billingAccountId, YearMonth month, String invoiceId,
		BigDecimal oldBilled, BigDecimal newBilled, InvoiceStatus oldStatus, InvoiceStatus newStatus,
		@Nullable Instant oldUpdated, @Nullable Instant newUpdated, Instant detectedAt, String reason,
		@Nullable Instant refetchedAt) {

	/**
	 * The revision of a stored settled invoice by the one Atlas sends now, if it changed.
	 */
	static @Nullable UsageRevision of(InvoiceStore.SettledInvoice before, Invoice now, Instant detectedAt) {
		StringBuilder reason = new StringBuilder();
		if (before.billedCents() != now.amountBilledCents()) {
			reason.append("billed ")
				.append(Reconciler.dollars(before.billedCents()).toPlainString())
				.append(" -> ")
				.append(Reconciler.dollars(now.amountBilledCents()).toPlainString());
		}
		if (before.status() != now.status()) {
			append(reason, "status " + before.status() + " -> " + now.status());
		}
		if (before.updated() != null && now.updated() != null && !before.updated().equals(now.updated())) {
			append(reason, "updated " + before.updated() + " -> " + now.updated());
		}
		if (reason.isEmpty()) {
			return null;
		}
		return new UsageRevision(now.orgId(), now.payingOrgId(), now.month(), now.id(),
				Reconciler.dollars(before.billedCents()), Reconciler.dollars(now.amountBilledCents()), before.status(),
				now.status(), before.updated(), now.updated(), detectedAt, reason.toString(), null);
	}

	private static void append(StringBuilder reason, String part) {
		reason.append(reason.isEmpty() ? "" : "; ").append(part);
	}

}
