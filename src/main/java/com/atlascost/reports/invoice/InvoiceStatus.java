package com.atlascost.reports.invoice;

import java.util.Arrays;
import java.util.Optional;

/** An invoice's {@code statusName}, as the specification enumerates it. */
public enum InvoiceStatus {

	PENDING(false), CLOSED(true), FORGIVEN(true), FAILED(false), PAID(true), FREE(true), PREPAID(true), INVOICED(true);

	private final boolean settled;

	InvoiceStatus(boolean settled) {
		this.settled = settled;
	}

	/**
	 * Whether the invoice can no longer change: fetched once and then served from the
	 * database. A pending invoice (the open month) and a failed payment are fetched again
	 * on every run.
	 */
	public boolean settled() {
		return this.settled;
	}

	static Optional<InvoiceStatus> of(String name) {
		return Arrays.stream(values()).filter((status) -> status.name().equals(name)).findFirst();
	}

}
