package com.atlascost.reports.notify;

/**
 * One mail or webhook post that could not be sent: every try failed, or its channel is
 * not set up. Its message says what and why, never a secret: no webhook URL, no password.
 */
class SendFailedException extends RuntimeException {

	SendFailedException(String message) {
		super(message);
	}

}
