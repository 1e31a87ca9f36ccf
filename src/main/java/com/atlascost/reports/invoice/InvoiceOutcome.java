package com.atlascost.reports.invoice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What fetching invoices did.
 *
 * @param fetched invoices fetched and stored (linked ones included)
 * @param kept settled invoices already stored, not fetched again
 * @param failures the organizations whose invoices could not be stored, with the reason
 */
public record InvoiceOutcome(int fetched, int kept, Map<String, String> failures) {

	public InvoiceOutcome {
		failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
	}

}
