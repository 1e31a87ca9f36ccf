package com.atlascost.reports.job;

import java.util.List;

/**
 * The delivery step's failure: something was left unsent after its tries. The data and
 * the reports are stored and written; the same command again sends only what is missing.
 */
class DeliveryFailedException extends RuntimeException {

	DeliveryFailedException(List<String> notDelivered) {
		super("Not delivered: " + String.join("; ", notDelivered) + ". The data and reports are stored and written;"
				+ " run the same command again to send only what is missing.");
	}

}
