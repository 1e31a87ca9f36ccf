package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.usage.StoredBill;

/**
 * Each organization's Cost Explorer total per month, the side of the reconciliation that
 * is not the invoice, and where it comes from: the complete bill queries of the run
 * (unfiltered, so org-level charges and credits are in).
 *
 * @param totals the total of each organization and month
 * @param source what the totals are (shown on the Reconciliation sheet)
 */
public record UsageTotals(Map<OrgMonth, BigDecimal> totals, @Nullable String source) {

	public static UsageTotals none() {
		return new UsageTotals(Map.of(), null);
	}

	/** Each organization's complete bill per month: what the invoice should come to. */
	public static UsageTotals ofBills(List<StoredBill> bills) {
		Map<OrgMonth, BigDecimal> totals = new TreeMap<>();
		for (StoredBill bill : bills) {
			totals.merge(new OrgMonth(bill.organizationId(), bill.month()), bill.amount(), BigDecimal::add);
		}
		return totals.isEmpty() ? none() : new UsageTotals(totals, "complete bill");
	}

	public @Nullable BigDecimal of(OrgMonth orgMonth) {
		return this.totals.get(orgMonth);
	}

}
