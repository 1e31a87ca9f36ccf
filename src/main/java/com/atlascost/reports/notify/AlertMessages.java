package com.atlascost.reports.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/** An alert as a mail and as a webhook payload. */
final class AlertMessages {

	private AlertMessages() {
	}

	static void prepareMail(MimeMessage mime, Alert alert, DeliveryRequest request, String sender)
			throws MessagingException {
		MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
		message.setFrom(sender);
		message.setTo(request.job().delivery().alertEmails().toArray(String[]::new));
		message.setSubject(request.run().jobName() + ": " + alert.title());
		message.setText(alert.text() + "\n\nFrom the run of " + request.run().jobName() + " for " + request.months()
				+ "; workbook " + request.files().workbook().getFileName() + ".\n");
	}

	/**
	 * {@code text} is what Slack and Microsoft Teams incoming webhooks show; the other
	 * fields are for machines.
	 */
	static Map<String, Object> payload(Alert alert, DeliveryRequest request) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("text", alert.text());
		payload.put("job", request.run().jobName());
		payload.put("kind", alert.kind().id());
		payload.put("organization", Map.of("id", alert.organizationId(), "label", alert.organizationLabel()));
		payload.put("month", alert.month().toString());
		payload.put("provisional", alert.provisional());
		List<Map<String, Object>> items = alert.items().stream().map(AlertMessages::item).toList();
		payload.put("items", items);
		payload.put("workbook", request.files().workbook().getFileName().toString());
		return payload;
	}

	private static Map<String, Object> item(AlertItem item) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("subject", item.subject());
		if (item.id() != null) {
			fields.put("id", item.id());
		}
		fields.put("measure", item.measure());
		fields.put("amount", item.amount());
		fields.put(item.referenceName().equals("budget") ? "budget" : "previousMonth", item.reference());
		fields.put("difference", item.difference());
		if (item.note() != null) {
			fields.put("note", item.note());
		}
		fields.put("sheet", item.sheet());
		return fields;
	}

}
