package com.atlascost.reports.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox started by {@code --sandbox}.
 *
 * @param processingDelay how long each usage query answers 102
 * @param auth how the client authenticates against the sandbox
 * @param injectedFailures statuses the first API calls answer (for fault demos and tests)
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("300ms") Duration processingDelay,
		@DefaultValue("service-account") Auth auth, @DefaultValue List<Integer> injectedFailures) {

	public enum Auth {

		/** OAuth 2.0 client credentials, as Atlas recommends. */
		SERVICE_ACCOUNT,

		/** An API key pair over HTTP Digest. */
		DIGEST

	}

	SandboxSettings settings() {
		return SandboxSettings.defaults()
			.withProcessingDelay(this.processingDelay)
			.withInjectedFailures(this.injectedFailures.toArray(Integer[]::new));
	}

}
