package com.atlascost.reports.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How delivery sends ({@code delivery.*}); the mail server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender; absent: {@code atlas-cost-reports@<hostname>}
 * @param maxAttachmentSize a file above this is not attached: the mail names it and its
 * path instead (mail servers commonly refuse 20 to 25 MB)
 * @param attempts tries per mail or webhook post before the delivery step fails
 * @param retryDelay the first pause between two tries; it doubles each time
 * @param webhookTimeout how long one webhook post may take
 */
@ConfigurationProperties("delivery")
@Validated
record DeliveryProperties(@Nullable String from, @DefaultValue("20MB") DataSize maxAttachmentSize,
		@DefaultValue("3") @Min(value = 1, message = "must be at least 1") @Max(value = 10,
				message = "must be at most 10") int attempts,
		@DefaultValue("2s") Duration retryDelay, @DefaultValue("10s") Duration webhookTimeout) {

	/** The sender's address: {@code delivery.from}, else one named after this host. */
	String sender() {
		if (this.from != null && !this.from.isBlank()) {
			return this.from.strip();
		}
		try {
			return "atlas-cost-reports@" + InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "atlas-cost-reports@localhost";
		}
	}

}
