package com.atlascost.reports.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Delivery;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;

import org.springframework.core.env.Environment;

/**
 * Checks, before anything is called, that a job's delivery can be sent from here: a mail
 * server when it mails, the webhook variable when it posts, a well-formed sender. Bad
 * settings are invalid input (exit 2); the webhook URL is never quoted.
 */
public class DeliveryPreflight {

	private final Environment environment;

	private final DeliveryProperties properties;

	DeliveryPreflight(Environment environment, DeliveryProperties properties) {
		this.environment = environment;
		this.properties = properties;
	}

	public void check(JobDefinition job) {
		Delivery delivery = job.delivery();
		List<String> problems = new ArrayList<>();
		if (delivery.needsMail()) {
			@Nullable String host = this.environment.getProperty("spring.mail.host");
			if (host == null || host.isBlank()) {
				problems.add(job.source() + ": delivery: sends mail, but no mail server is configured: set"
						+ " spring.mail.host (and spring.mail.port, spring.mail.username, SPRING_MAIL_PASSWORD),"
						+ " or pass --no-delivery");
			}
			String sender = this.properties.sender();
			try {
				new InternetAddress(sender, true).validate();
			}
			catch (AddressException ex) {
				problems.add("delivery.from: '" + sender + "' is not a mail address (" + ex.getMessage() + ")");
			}
		}
		if (delivery.webhook()) {
			@Nullable String url = this.environment.getProperty(WebhookChannel.URL_VARIABLE);
			if (url == null || url.isBlank()) {
				problems.add(job.source() + ": delivery.alerts.webhook: 'true' needs the webhook's URL in the"
						+ " environment variable " + WebhookChannel.URL_VARIABLE);
			}
			else if (!isHttpUrl(url.strip())) {
				problems.add(WebhookChannel.URL_VARIABLE
						+ ": is not an http or https URL (its value is a secret and is not shown)");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
