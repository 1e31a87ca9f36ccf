package com.atlascost.reports.plan;

import java.util.List;
import java.util.Set;

/**
 * Where a run delivers its report and alerts (the job file's {@code delivery} block).
 *
 * @param to who gets the report mail; empty: no report mail
 * @param cc copied on the report mail
 * @param attach what the report mail attaches
 * @param alertEmails who gets the alert mails; empty: no alert mails
 * @param webhook whether alerts are also posted to the webhook the environment names
 */
public record Delivery(List<String> to, List<String> cc, Set<Attachment> attach, List<String> alertEmails,
		boolean webhook) {

	public Delivery {
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		attach = Set.copyOf(attach);
		alertEmails = List.copyOf(alertEmails);
	}

	/** A job without a {@code delivery} block: nothing is sent. */
	public static Delivery none() {
		return new Delivery(List.of(), List.of(), Set.of(), List.of(), false);
	}

	public boolean mailsReport() {
		return !this.to.isEmpty();
	}

	public boolean sendsAlerts() {
		return !this.alertEmails.isEmpty() || this.webhook;
	}

	/** Whether anything goes out by mail, which needs a mail server. */
	public boolean needsMail() {
		return mailsReport() || !this.alertEmails.isEmpty();
	}

	public boolean isEmpty() {
		return !mailsReport() && !sendsAlerts();
	}

	/** A file the report mail can attach, as the job file names it. */
	public enum Attachment {

		WORKBOOK("workbook"), FOCUS("focus");

		private final String name;

		Attachment(String name) {
			this.name = name;
		}

		String jobFileName() {
			return this.name;
		}

	}

}
