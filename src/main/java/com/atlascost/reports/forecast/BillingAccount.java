package com.atlascost.reports.forecast;

import java.util.List;

/**
 * An organization that pays: its own invoices and those of the organizations linked to it
 * (cross-organization billing). An organization without invoices is its own account.
 *
 * @param id the paying organization's id
 * @param label its label (the job file's, else its id)
 * @param organizationIds its organizations, the paying one first
 */
public record BillingAccount(String id, String label, List<String> organizationIds) {

	public BillingAccount {
		organizationIds = List.copyOf(organizationIds);
	}

	/** Whether other organizations are billed through it. */
	public boolean hasLinkedOrganizations() {
		return this.organizationIds.size() > 1;
	}

}
