package com.atlascost.reports.invoice;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Some organizations' invoices could not be fetched or understood: the run fails, naming
 * each, after the others were stored; a restart fetches them again.
 */
public class InvoicesFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvoicesFailedException(Map<String, String> failures) {
		this(describe(failures));
	}

	/** The failure as {@link #describe} put it, when an earlier step kept it. */
	public InvoicesFailedException(String description) {
		super(description);
	}

	/** What failed: how many organizations, and each one's reason. */
	public static String describe(Map<String, String> failures) {
		return "Invoices of " + failures.size() + " organization(s) not stored: "
				+ failures.entrySet()
					.stream()
					.map((failure) -> "org " + failure.getKey() + ": " + failure.getValue())
					.collect(Collectors.joining("; "));
	}

}
