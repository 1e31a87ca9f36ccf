package com.atlascost.reports.invoice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.atlascost.reports.plan.TagKeys;

/**
 * Cost by tag from the line items, as the view {@code monthly_cost_by_tag} computes it:
 * for each organization, month and key, the billed cents of every value, and
 * {@link #UNTAGGED} for the rest (lines without the key, credits, tax, what is not
 * itemised), so that each key's values add up to the invoices' billed amount.
 */
public final class TagTotals {

	static final String UNTAGGED = "(untagged)";

	private TagTotals() {
	}

	/**
	 * Lines by organization, month, key (the job's order, or sorted for {@code all}) and
	 * value (sorted, {@link #UNTAGGED} last).
	 */
	public static List<TagLine> of(Collection<String> orgIds, List<Invoice> invoices, TagKeys selection) {
		if (selection.isEmpty()) {
			return List.of();
		}
		Map<OrgMonth, List<Invoice>> byOrgMonth = invoices.stream()
			.filter((invoice) -> orgIds.contains(invoice.orgId()))
			.collect(Collectors.groupingBy((invoice) -> new OrgMonth(invoice.orgId(), invoice.month()), TreeMap::new,
					Collectors.toList()));
		List<TagLine> result = new ArrayList<>();
		byOrgMonth.forEach((orgMonth, monthInvoices) -> {
			boolean open = monthInvoices.stream().anyMatch((invoice) -> invoice.status() == InvoiceStatus.PENDING);
			long billed = monthInvoices.stream().mapToLong(Invoice::amountBilledCents).sum();
			for (String key : keys(monthInvoices, selection)) {
				Map<String, Long> byValue = new TreeMap<>();
				for (Invoice invoice : monthInvoices) {
					for (InvoiceLineItem line : invoice.lineItems()) {
						String value = line.tagValue(key);
						if (value != null) {
							byValue.merge(value, line.totalPriceCents(), Long::sum);
						}
					}
				}
				long tagged = byValue.values().stream().mapToLong(Long::longValue).sum();
				byValue.forEach((value, cents) -> result
					.add(new TagLine(orgMonth, key, value, Reconciler.dollars(cents), open)));
				result.add(new TagLine(orgMonth, key, UNTAGGED, Reconciler.dollars(billed - tagged), open));
			}
		});
		return result;
	}

	private static Collection<String> keys(List<Invoice> invoices, TagKeys selection) {
		if (!selection.all()) {
			return selection.keys();
		}
		Set<String> keys = new TreeSet<>();
		invoices.forEach((invoice) -> invoice.lineItems().forEach((line) -> keys.addAll(line.tags().keySet())));
		return keys;
	}

}
