package com.atlascost.reports.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.plan.Delivery;

/**
 * Delivers a run: the report mail, then every alert by mail and webhook. Each notice is
 * recorded as it goes out, so a delivery that failed half way resumes with what is left:
 * nobody gets the report twice and no unchanged alert repeats. A failure does not stop
 * the rest; the outcome lists what was not delivered.
 */
public class Deliverer {

	private static final Logger logger = LoggerFactory.getLogger(Deliverer.class);

	private final MailChannel mail;

	private final WebhookChannel webhook;

	private final SentNotifications sent;

	private final AlertEvaluator alerts;

	private final DeliveryProperties properties;

	private final Clock clock;

	Deliverer(MailChannel mail, WebhookChannel webhook, SentNotifications sent, AlertEvaluator alerts,
			DeliveryProperties properties, Clock clock) {
		this.mail = mail;
		this.webhook = webhook;
		this.sent = sent;
		this.alerts = alerts;
		this.properties = properties;
		this.clock = clock;
	}

	public DeliveryOutcome deliver(DeliveryRequest request) {
		Delivery delivery = request.job().delivery();
		Spend spend = Spend.of(request.amounts().billing(), request.job().accounting().budgetBasis(),
				request.amounts().bills(), request.amounts().rows());
		Progress progress = new Progress();
		String sender = this.properties.sender();
		if (delivery.mailsReport()) {
			ReportMail report = new ReportMail(request, spend, sender, this.properties.maxAttachmentSize());
			String what = "the report mail to " + String.join(", ", recipients(delivery));
			once(request, "report " + request.run().key(), Channel.MAIL, report.fingerprint(), what,
					() -> this.mail.send(what, report::prepare), progress);
		}
		if (delivery.sendsAlerts()) {
			List<Alert> found = this.alerts.evaluate(spend, request.job().budgets(), request.job().organizations(),
					request.run().from(), request.run().to(), request.run().provisionalMonths(),
					request.amounts().billing(), request.job().accounting().budgetBasis(),
					request.amounts().unexplained());
			logger.info("{} alerts for {} of {}", found.size(), request.months(), request.run().jobName());
			for (Alert alert : found) {
				if (!delivery.alertEmails().isEmpty()) {
					String what = "the alert '" + alert.title() + "' to " + String.join(", ", delivery.alertEmails());
					once(request, alert.notice(), Channel.MAIL, alert.fingerprint(), what, () -> this.mail.send(what,
							(mime) -> AlertMessages.prepareMail(mime, alert, request, sender)), progress);
				}
				if (delivery.webhook()) {
					String what = "the alert '" + alert.title() + "' to the webhook";
					once(request, alert.notice(), Channel.WEBHOOK, alert.fingerprint(), what,
							() -> this.webhook.post(what, AlertMessages.payload(alert, request)), progress);
				}
			}
		}
		return new DeliveryOutcome(progress.sent, progress.alreadySent, progress.notDelivered);
	}

	private void once(DeliveryRequest request, String notice, Channel channel, String fingerprint, String what,
			Runnable send, Progress progress) {
		if (this.sent.wasSent(request.run().jobName(), notice, channel, fingerprint)) {
			logger.info("Already sent, not sent again: {}", what);
			progress.alreadySent.add(what);
			return;
		}
		try {
			send.run();
		}
		catch (SendFailedException ex) {
			logger.error("Not delivered: {}", ex.getMessage());
			progress.notDelivered.add(ex.getMessage());
			return;
		}
		this.sent.recordSent(request.run().jobName(), notice, channel, fingerprint, what, this.clock.instant());
		logger.info("Sent {}", what);
		progress.sent.add(what);
	}

	private static List<String> recipients(Delivery delivery) {
		List<String> all = new ArrayList<>(delivery.to());
		delivery.cc().forEach((cc) -> all.add(cc + " (cc)"));
		return all;
	}

	private static final class Progress {

		private final List<String> sent = new ArrayList<>();

		private final List<String> alreadySent = new ArrayList<>();

		private final List<String> notDelivered = new ArrayList<>();

	}

}
