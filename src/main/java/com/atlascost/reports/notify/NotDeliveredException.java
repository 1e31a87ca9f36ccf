package com.atlascost.reports.notify;

/**
 * A mail or webhook post that failed every try. Its message says what and why, never a
 * secret: no webhook URL, no password.
 */
class NotDeliveredException extends RuntimeException {

	NotDeliveredException(String message) {
		super(message);
	}

}
