package com.atlascost.reports.usage;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * An organization's complete bill of one month: every charge, org-level ones (Support,
 * Premium Features) and credits included.
 *
 * @param organizationId the organization
 * @param organizationLabel the job file's label for it
 * @param month the usage month
 * @param amount the bill, in US dollars
 * @param provisional whether it was fetched before the month settled
 */
public record StoredBill(String organizationId, String organizationLabel, YearMonth month, BigDecimal amount,
		boolean provisional) {

	StoredBill plus(StoredBill other) {
		return new StoredBill(this.organizationId, this.organizationLabel, this.month, this.amount.add(other.amount),
				this.provisional || other.provisional);
	}

}
