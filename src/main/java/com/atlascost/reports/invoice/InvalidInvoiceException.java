package com.atlascost.reports.invoice;

/**
 * Atlas answered with an invoice the job does not understand: nothing of the
 * organization's invoices is stored, and its invoice step fails.
 */
class InvalidInvoiceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidInvoiceException(String orgId, String invoiceId, String field, String problem) {
		super("Invalid invoice from Atlas: org " + orgId + ", invoice " + invoiceId + ": " + field + ": " + problem);
	}

}
