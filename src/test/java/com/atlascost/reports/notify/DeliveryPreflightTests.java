package com.atlascost.reports.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.plan.Delivery;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.TagKeys;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DeliveryPreflightTests {

	private static final Path FILE = Path.of("jobs/finance.yml");

	@Test
	void aJobThatMailsNeedsAMailServer() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> preflight(new MockEnvironment(), null).check(job(DeliveryFixture.delivery())))
			.satisfies((ex) -> assertThat(ex.problems())
				.contains(FILE + ": delivery: sends mail, but no mail server is configured: set spring.mail.host (and"
						+ " spring.mail.port, spring.mail.username, SPRING_MAIL_PASSWORD), or pass --no-delivery"));
	}

	@Test
	void aWebhookNeedsItsVariableAndAnHttpUrlThatIsNeverShown() {
		MockEnvironment mail = new MockEnvironment().withProperty("spring.mail.host", "127.0.0.1");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> preflight(mail, null).check(job(DeliveryFixture.delivery())))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					FILE + ": delivery.alerts.webhook: 'true' needs the webhook's URL in the environment variable"
							+ " ATLAS_COST_REPORTS_WEBHOOK_URL"));
		mail.setProperty(WebhookChannel.URL_VARIABLE, "hooks.example.com/secret-token-1");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> preflight(mail, null).check(job(DeliveryFixture.delivery())))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"ATLAS_COST_REPORTS_WEBHOOK_URL: is not an http or https URL (its value is a secret and is not"
							+ " shown)"));
		mail.setProperty(WebhookChannel.URL_VARIABLE, "https://hooks.example.com/secret-token-1");
		assertThatNoException().isThrownBy(() -> preflight(mail, null).check(job(DeliveryFixture.delivery())));
	}

	@Test
	void aMalformedSenderIsInvalidAndWebhookOnlyAlertsNeedNoMailServer() {
		MockEnvironment mail = new MockEnvironment().withProperty("spring.mail.host", "127.0.0.1");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> preflight(mail, "reports at example.com")
				.check(job(new Delivery(List.of("a@example.com"), List.of(), Set.of(), List.of(), false))))
			.satisfies((ex) -> assertThat(ex.problems().get(0))
				.startsWith("delivery.from: 'reports at example.com' is not a mail address"));
		MockEnvironment webhookOnly = new MockEnvironment().withProperty(WebhookChannel.URL_VARIABLE,
				"http://127.0.0.1:1/x");
		assertThatNoException().isThrownBy(() -> preflight(webhookOnly, null)
			.check(job(new Delivery(List.of(), List.of(), Set.of(), List.of(), true))));
		assertThatNoException().isThrownBy(() -> preflight(new MockEnvironment(), null).check(job(Delivery.none())));
		assertThat(properties(null).sender()).startsWith("atlas-cost-reports@");
	}

	private static DeliveryPreflight preflight(MockEnvironment environment, String from) {
		return new DeliveryPreflight(environment, properties(from));
	}

	private static DeliveryProperties properties(String from) {
		return new DeliveryProperties(from, DataSize.ofMegabytes(20), 3, Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	private static JobDefinition job(Delivery delivery) {
		return new JobDefinition(FILE, "finance", 3, List.of(), false, List.of(), List.of(), TagKeys.none(), delivery);
	}

}
