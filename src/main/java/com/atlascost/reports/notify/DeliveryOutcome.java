package com.atlascost.reports.notify;

import java.util.List;

/**
 * What a delivery did.
 *
 * @param sent what went out now, one line each
 * @param alreadySent what an earlier attempt or run had sent and was not sent again
 * @param notDelivered what failed every try, each with the reason
 */
public record DeliveryOutcome(List<String> sent, List<String> alreadySent, List<String> notDelivered) {

	public DeliveryOutcome {
		sent = List.copyOf(sent);
		alreadySent = List.copyOf(alreadySent);
		notDelivered = List.copyOf(notDelivered);
	}

	public boolean complete() {
		return this.notDelivered.isEmpty();
	}

}
