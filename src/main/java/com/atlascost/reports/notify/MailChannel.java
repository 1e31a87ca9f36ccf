package com.atlascost.reports.notify;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

/** Sends mail through Spring Boot's {@link JavaMailSender}, with bounded retries. */
class MailChannel {

	private final ObjectProvider<JavaMailSender> sender;

	private final DeliveryProperties properties;

	MailChannel(ObjectProvider<JavaMailSender> sender, DeliveryProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	void send(String what, MimeMessagePreparator message) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			throw new SendFailedException(what + ": no mail server configured (spring.mail.host)");
		}
		Retries.run(() -> {
			MimeMessage mime = mail.createMimeMessage();
			try {
				message.prepare(mime);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot compose " + what + ": " + ex.getMessage(), ex);
			}
			mail.send(mime);
		}, this.properties.attempts(), this.properties.retryDelay(), (failure) -> what + ": " + describe(failure));
	}

	/** The mail server's answer or why it could not be reached; never the password. */
	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = (failure instanceof MailException) ? failure.getClass().getSimpleName() : "failed";
		return reason + ": " + root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? " " + root.getMessage().strip() : "");
	}

}
