package com.atlascost.reports.notify;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Posts alerts as JSON to the URL in {@code ATLAS_COST_REPORTS_WEBHOOK_URL}, with bounded
 * retries. The URL is a secret (it carries the token that lets anyone post): it is read
 * from the environment when a post goes out and never logged, stored or put in a message;
 * failures are described by status or exception type only, since WebClient's own messages
 * quote the URL.
 */
class WebhookChannel {

	static final String URL_VARIABLE = "ATLAS_COST_REPORTS_WEBHOOK_URL";

	private final WebClient webClient;

	private final Environment environment;

	private final DeliveryProperties properties;

	WebhookChannel(WebClient.Builder builder, Environment environment, DeliveryProperties properties) {
		this.webClient = builder.build();
		this.environment = environment;
		this.properties = properties;
	}

	void post(String what, Map<String, Object> payload) {
		@Nullable String url = this.environment.getProperty(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new SendFailedException(what + ": " + URL_VARIABLE + " is not set");
		}
		Retries.run(
				() -> this.webClient.post()
					.uri(url.strip())
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(payload)
					.retrieve()
					.toBodilessEntity()
					.timeout(this.properties.webhookTimeout())
					.block(),
				this.properties.attempts(), this.properties.retryDelay(), (failure) -> what + ": " + describe(failure));
	}

	private static String describe(Throwable failure) {
		if (failure instanceof WebClientResponseException response) {
			return "the webhook answered HTTP " + response.getStatusCode().value();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "the webhook could not be reached (" + root.getClass().getSimpleName() + ")";
	}

}
