package com.atlascost.reports.invoice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The billing accounts of a job: each organization of the job file that pays for linked
 * organizations (cross-organization billing), with those organizations. They are found in
 * the invoices the run stored: a paying organization's invoice lists the linked ones'
 * ({@code linkedInvoices}), which are stored with {@code paying_org_id} the payer.
 * <p>
 * {@code getOrgAssociatedInvoices} ({@code GET /orgs/{orgId}/associatedInvoices}) is not
 * used: its only version, {@code 2025-03-12}, was a preview sunset on 2026-09-16, so it
 * answers {@code 410 VERSION_GONE}; {@code linkedInvoices} carries the same links.
 *
 * @param linkedByPayer each job organization that pays for others → the organizations it
 * pays for, sorted by id; organizations that pay only for themselves are not in it
 */
public record BillingAccounts(Map<String, List<String>> linkedByPayer) {

	public BillingAccounts {
		linkedByPayer = Map.copyOf(linkedByPayer);
	}

	public static BillingAccounts none() {
		return new BillingAccounts(Map.of());
	}

	/**
	 * The billing accounts among {@code jobOrgIds}, from their stored invoices. A linked
	 * organization the job also lists on its own stays under its payer.
	 */
	public static BillingAccounts of(Collection<String> jobOrgIds, Collection<Invoice> invoices) {
		Map<String, Set<String>> linked = new LinkedHashMap<>();
		for (String orgId : jobOrgIds) {
			for (Invoice invoice : invoices) {
				if (invoice.payingOrgId().equals(orgId) && !invoice.orgId().equals(orgId)) {
					linked.computeIfAbsent(orgId, (payer) -> new TreeSet<>()).add(invoice.orgId());
				}
			}
		}
		Map<String, List<String>> accounts = new LinkedHashMap<>();
		linked.forEach((payer, orgs) -> accounts.put(payer, List.copyOf(orgs)));
		return new BillingAccounts(accounts);
	}

	/** The organizations {@code payerId} pays for besides itself, sorted by id. */
	public List<String> linkedTo(String payerId) {
		return this.linkedByPayer.getOrDefault(payerId, List.of());
	}

	/** The organization that pays for {@code orgId}, when it is a linked one. */
	public Optional<String> payerOf(String orgId) {
		return this.linkedByPayer.entrySet()
			.stream()
			.filter((account) -> account.getValue().contains(orgId))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * The linked organizations of {@code payerId} whose usage its own queries cover:
	 * those the job does not also list on their own (their own queries cover them, and a
	 * row asked twice would be counted twice).
	 */
	public List<String> coveredBy(String payerId, Collection<String> jobOrgIds) {
		List<String> covered = new ArrayList<>(linkedTo(payerId));
		covered.removeAll(jobOrgIds);
		return List.copyOf(covered);
	}

}
