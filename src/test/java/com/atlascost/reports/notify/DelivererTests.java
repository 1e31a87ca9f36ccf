package com.atlascost.reports.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Delivery;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery against a real SMTP server (GreenMail) and a real HTTP webhook receiver, with
 * what was sent stored in a real database: who gets what, exactly once.
 */
@OnEachDatabase
class DelivererTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private TestMailServer mail;

	private TestWebhook webhook;

	private JdbcClient jdbc;

	private DataSourceTransactionManager transactions;

	private Path workbook;

	private Path focus;

	@BeforeEach
	void start() throws IOException {
		DataSource dataSource = this.database.migrated(this.dir);
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new DataSourceTransactionManager(dataSource);
		this.mail = TestMailServer.start();
		this.webhook = TestWebhook.start();
		this.workbook = this.dir.resolve("finance-check_2026-01_2026-03.xlsx");
		byte[] bytes = new byte[50_000];
		new Random(14).nextBytes(bytes);
		Files.write(this.workbook, bytes);
		this.focus = this.dir.resolve("finance-check_2026-01_2026-03.focus.csv");
		Files.writeString(this.focus, "BilledCost,ChargePeriodStart\n1.00,2026-03-01\n");
	}

	@AfterEach
	void stop() {
		this.mail.close();
		this.webhook.close();
	}

	@Test
	void financeGetsOneMailWithTheWorkbookByteForByteTheLastClosedMonthsBillsAndTheAccrual() throws Exception {
		DeliveryOutcome outcome = deliverer(this.mail.port(), DataSize.ofMegabytes(20)).deliver(request(1));

		assertThat(outcome.complete()).isTrue();
		assertThat(this.mail.messagesTo("finance@example.com")).hasSize(1);
		MimeMessage report = this.mail.messagesTo("finance@example.com").get(0);
		assertThat(TestMailServer.to(report)).containsExactly("finance@example.com");
		assertThat(TestMailServer.cc(report)).containsExactly("controller@example.com");
		assertThat(TestMailServer.addresses(report.getFrom())).containsExactly("reports@example.com");
		assertThat(report.getSubject())
			.isEqualTo("finance-check: cost report 2026-01 to 2026-03 (2026-03 provisional)");
		// no invoices in this run: the closed month's headline is its usage, said so
		assertThat(TestMailServer.text(report).replace("\r\n", "\n"))
			.contains("Billed for 2026-02 (the invoices: usage, tax and invoice-only lines, less credits):\n"
					+ "- Acme Analytics (billing account " + DeliveryFixture.ANALYTICS_ORG
					+ "): $100.00 (usage: no invoice yet), +$0.00 on 2026-01 ($100.00)\n"
					+ "- Acme Production (billing account " + DeliveryFixture.ACME
					+ "): $3,150.00 (usage: no invoice yet), +$0.00 on 2026-01 ($3,150.00)\n"
					+ "  Total billed 2026-02: $3,250.00; usage (Cost Explorer, before tax) $3,250.00")
			.contains("Accrual for 2026-03 (usage forecast to the month end and the tax expected at each account's"
					+ " rate of its last 3 invoiced months):\n" + "- Acme Analytics (billing account "
					+ DeliveryFixture.ANALYTICS_ORG + "): $100.00 (band $100.00 to $100.00): usage $100.00 so far on"
					+ " day 0, forecast $100.00, expected tax $0.00\n" + "- Acme Production (billing account "
					+ DeliveryFixture.ACME + "): $9,000.00 (band $8,000.00 to $10,000.00): usage $4,000.00 so far on"
					+ " day 10, forecast $9,000.00, expected tax $0.00\n" + "  Total accrual 2026-03: $9,100.00")
			.contains("Attached: finance-check_2026-01_2026-03.xlsx (50000 bytes)");
		List<TestMailServer.Attachment> attachments = TestMailServer.attachments(report);
		assertThat(attachments).hasSize(1);
		assertThat(attachments.get(0).name()).isEqualTo("finance-check_2026-01_2026-03.xlsx");
		assertThat(attachments.get(0).bytes()).isEqualTo(Files.readAllBytes(this.workbook));
		assertThat(outcome.sent()).contains("the report mail to finance@example.com, controller@example.com (cc)");
	}

	@Test
	void theFocusFileIsAttachedWhenAskedAndABigFileIsNamedWithItsPathInstead() throws Exception {
		Delivery both = new Delivery(List.of("finance@example.com"), List.of(),
				java.util.Set.of(Delivery.Attachment.WORKBOOK, Delivery.Attachment.FOCUS), List.of(), false);
		deliverer(this.mail.port(), DataSize.ofKilobytes(40))
			.deliver(DeliveryFixture.request(1, this.workbook, this.focus, both, DeliveryFixture.budgets()));

		MimeMessage report = this.mail.messagesTo("finance@example.com").get(0);
		assertThat(TestMailServer.attachments(report)).extracting(TestMailServer.Attachment::name)
			.containsExactly("finance-check_2026-01_2026-03.focus.csv");
		assertThat(TestMailServer.attachments(report).get(0).bytes()).isEqualTo(Files.readAllBytes(this.focus));
		assertThat(TestMailServer.text(report))
			.contains("Not attached, larger than 0 MB: finance-check_2026-01_2026-03.xlsx (50000 bytes) is at "
					+ this.workbook.toAbsolutePath());
		assertThat(this.mail.messages()).as("no alerts asked for").hasSize(1);
	}

	@Test
	void alertsGoByMailAndWebhookNamingTheOrganizationOnceUntilTheyChange() throws Exception {
		Deliverer deliverer = deliverer(this.mail.port(), DataSize.ofMegabytes(20));
		DeliveryOutcome first = deliverer.deliver(request(1));

		List<MimeMessage> alerts = this.mail.messagesTo("finops@example.com");
		assertThat(alerts).extracting(MimeMessage::getSubject)
			.containsExactly(
					"finance-check: Budget exceeded: Acme Production (" + DeliveryFixture.ACME
							+ ") in 2026-03 (provisional)",
					"finance-check: Cost anomaly: Acme Production (" + DeliveryFixture.ACME
							+ ") in 2026-03 (provisional)");
		assertThat(TestMailServer.text(alerts.get(0))).contains(
				"- the whole organization: actual (billed) $4,000.00, budget $3,500.00, +$500.00 (+14.3 %); see sheet Budgets",
				"- project Analytics (" + DeliveryFixture.ANALYTICS_PROJECT
						+ "): actual (usage) $1,300.00, budget $1,250.00, +$50.00 (+4.0 %); see sheet Budgets");
		assertThat(TestMailServer.text(alerts.get(1)))
			.contains("- service Clusters: actual $1,500.00, previous month $1,000.00, +$500.00 (+50.0 %); see sheet"
					+ " Services")
			.contains("- project Web (" + DeliveryFixture.WEB_PROJECT + "): actual $2,650.00, previous month"
					+ " $1,900.00, +$750.00 (+39.5 %); see sheet Projects")
			.doesNotContain("Storage")
			.doesNotContain("Backup");

		assertThat(this.webhook.bodies()).hasSize(2);
		JsonNode budget = json.readTree(this.webhook.bodies().get(0));
		assertThat(budget.get("text").asString()).startsWith("Budget exceeded: Acme Production");
		assertThat(budget.get("kind").asString()).isEqualTo("budget-exceeded");
		assertThat(budget.get("job").asString()).isEqualTo("finance-check");
		assertThat(budget.get("organization").get("id").asString()).isEqualTo(DeliveryFixture.ACME);
		assertThat(budget.get("organization").get("label").asString()).isEqualTo("Acme Production");
		assertThat(budget.get("month").asString()).isEqualTo("2026-03");
		assertThat(budget.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("4000");
		assertThat(budget.get("items").get(0).get("budget").decimalValue()).isEqualByComparingTo("3500");
		assertThat(budget.get("items").get(1).get("id").asString()).isEqualTo(DeliveryFixture.ANALYTICS_PROJECT);
		assertThat(json.readTree(this.webhook.bodies().get(1)).get("kind").asString()).isEqualTo("anomaly");
		assertThat(first.sent()).hasSize(5);

		DeliveryOutcome again = deliverer.deliver(request(1));
		assertThat(again.sent()).isEmpty();
		assertThat(again.alreadySent()).hasSize(5);
		DeliveryOutcome nextRun = deliverer.deliver(request(2));
		assertThat(nextRun.sent()).as("a new run mails its report; the alerts did not change")
			.containsExactly("the report mail to finance@example.com, controller@example.com (cc)");
		assertThat(this.mail.messagesTo("finops@example.com")).hasSize(2);
		assertThat(this.webhook.bodies()).hasSize(2);

		DeliveryOutcome changed = deliverer.deliver(DeliveryFixture.request(3, this.workbook, this.focus,
				DeliveryFixture.delivery(), List.of(DeliveryFixture.budgets().get(0))));
		assertThat(changed.sent()).as("the budget alert lost its project: it changed")
			.contains("the alert 'Budget exceeded: Acme Production (" + DeliveryFixture.ACME
					+ ") in 2026-03 (provisional)' to finops@example.com")
			.contains("the alert 'Budget exceeded: Acme Production (" + DeliveryFixture.ACME
					+ ") in 2026-03 (provisional)' to the webhook")
			.noneMatch((line) -> line.contains("Cost anomaly"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sent_notification").query(Long.class).single())
			.as("3 report mails, 2 alerts by 2 channels")
			.isEqualTo(7);
		assertNoSecret();
	}

	@Test
	void aMailServerThatIsDownFailsAfterTheTriesAndTheSameDeliveryResumesWithoutRepeating() throws Exception {
		int port = this.mail.port();
		this.mail.stop();
		Deliverer deliverer = deliverer(port, DataSize.ofMegabytes(20));

		DeliveryOutcome down = deliverer.deliver(request(1));
		assertThat(down.complete()).isFalse();
		assertThat(down.notDelivered()).hasSize(3)
			.allMatch((line) -> line.endsWith("(2 tries)"))
			.anyMatch((line) -> line.startsWith("the report mail to finance@example.com, controller@example.com (cc):"
					+ " MailSendException: ConnectException"));
		assertThat(down.sent()).as("the webhook works").hasSize(2);
		assertThat(down.notDelivered()).noneMatch((line) -> line.contains(TestMailServer.PASSWORD));

		this.mail = TestMailServer.startOn(port);
		DeliveryOutcome back = deliverer.deliver(request(1));
		assertThat(back.complete()).isTrue();
		assertThat(back.sent()).hasSize(3);
		assertThat(back.alreadySent()).as("the webhook alerts").hasSize(2);
		assertThat(this.mail.messagesTo("finance@example.com")).hasSize(1);
		assertThat(this.mail.messagesTo("finops@example.com")).hasSize(2);
		assertThat(this.webhook.bodies()).hasSize(2);
		assertThat(deliverer.deliver(request(1)).sent()).isEmpty();
		assertThat(this.mail.messages()).hasSize(3);
	}

	@Test
	void aWebhookThatRefusesIsNotDeliveredAndItsUrlIsNeverQuoted() throws Exception {
		this.webhook.refuseNext(4, 503);
		Deliverer deliverer = deliverer(this.mail.port(), DataSize.ofMegabytes(20));
		DeliveryOutcome refused = deliverer.deliver(request(1));
		assertThat(refused.notDelivered()).containsExactly(
				"the alert 'Budget exceeded: Acme Production (" + DeliveryFixture.ACME
						+ ") in 2026-03 (provisional)' to the webhook: the webhook answered HTTP 503 (2 tries)",
				"the alert 'Cost anomaly: Acme Production (" + DeliveryFixture.ACME
						+ ") in 2026-03 (provisional)' to the webhook: the webhook answered HTTP 503 (2 tries)");
		assertThat(this.webhook.requests()).isEqualTo(4);

		DeliveryOutcome resumed = deliverer.deliver(request(1));
		assertThat(resumed.sent()).hasSize(2).allMatch((line) -> line.endsWith("to the webhook"));
		assertThat(this.mail.messages()).as("mails went out once").hasSize(3);
		assertNoSecret();
	}

	@Test
	void aWebhookThatCannotBeReachedIsNamedWithoutItsUrl() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		MockEnvironment environment = new MockEnvironment().withProperty(WebhookChannel.URL_VARIABLE,
				"http://127.0.0.1:" + closed + TestWebhook.SECRET_PATH);
		DeliveryProperties properties = properties(DataSize.ofMegabytes(20));
		Delivery webhookOnly = new Delivery(List.of(), List.of(), java.util.Set.of(), List.of(), true);
		Deliverer deliverer = new Deliverer(new MailChannel(mailSender(this.mail.port()), properties),
				new WebhookChannel(WebClient.builder(), environment, properties),
				new SentNotifications(this.jdbc, this.transactions),
				new AlertEvaluator(
						new AlertSettings(new java.math.BigDecimal("0.25"), new java.math.BigDecimal("100"))),
				properties, Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC));
		DeliveryOutcome outcome = deliverer
			.deliver(DeliveryFixture.request(1, this.workbook, this.focus, webhookOnly, DeliveryFixture.budgets()));
		assertThat(outcome.notDelivered()).hasSize(2)
			.allMatch((line) -> line
				.endsWith("to the webhook: the webhook could not be reached" + " (ConnectException) (2 tries)"));
		assertThat(String.join("\n", outcome.notDelivered())).doesNotContain(TestWebhook.SECRET_PATH)
			.doesNotContain(":" + closed);
	}

	@Test
	void aForecastAboveTheBudgetIsAlertedWhileTheBillSoFarIsWithinIt() throws Exception {
		Deliverer deliverer = deliverer(this.mail.port(), DataSize.ofMegabytes(20), new java.math.BigDecimal("0.60"));
		List<Budget> roomy = List.of(new Budget(DeliveryFixture.ACME, null, new java.math.BigDecimal("8500")));
		DeliveryOutcome outcome = deliverer
			.deliver(DeliveryFixture.request(1, this.workbook, this.focus, DeliveryFixture.delivery(), roomy));

		List<MimeMessage> alerts = this.mail.messagesTo("finops@example.com");
		assertThat(alerts).extracting(MimeMessage::getSubject)
			.containsExactly("finance-check: Forecast over budget: Acme Production (" + DeliveryFixture.ACME
					+ ") in 2026-03 (provisional)");
		assertThat(TestMailServer.text(alerts.get(0)))
			.contains("- the whole organization: accrual (billed) $9,000.00, budget $8,500.00, +$500.00 (+5.9 %); band"
					+ " $8,000.00 to $10,000.00, its low end within the budget; $4,000.00 so far on day 10; see sheet"
					+ " Budgets");
		JsonNode payload = json.readTree(this.webhook.bodies().get(0));
		assertThat(payload.get("kind").asString()).isEqualTo("forecast-over-budget");
		assertThat(payload.get("items").get(0).get("measure").asString()).isEqualTo("accrual (billed)");
		assertThat(payload.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("9000");
		assertThat(payload.get("items").get(0).get("budget").decimalValue()).isEqualByComparingTo("8500");
		assertThat(outcome.sent()).hasSize(3);

		assertThat(deliverer
			.deliver(DeliveryFixture.request(2, this.workbook, this.focus, DeliveryFixture.delivery(), roomy))
			.alreadySent()).as("the next night, the same forecast alert is not sent again")
			.hasSize(2)
			.allMatch((line) -> line.contains("Forecast over budget"));
		assertNoSecret();
	}

	@Test
	void withoutBudgetsOrJumpsThereIsNoAlert() throws Exception {
		Deliverer deliverer = deliverer(this.mail.port(), DataSize.ofMegabytes(20), new java.math.BigDecimal("0.60"));
		DeliveryOutcome outcome = deliverer.deliver(
				DeliveryFixture.request(1, this.workbook, this.focus, DeliveryFixture.delivery(), List.<Budget>of()));
		assertThat(outcome.sent())
			.containsExactly("the report mail to finance@example.com, controller@example.com (cc)");
		assertThat(this.webhook.requests()).isZero();
	}

	private void assertNoSecret() throws Exception {
		String everything = this.mail.raw() + String.join("\n", this.webhook.bodies())
				+ this.jdbc.sql("SELECT * FROM sent_notification").query().listOfRows();
		assertThat(everything).doesNotContain(TestWebhook.SECRET_PATH)
			.doesNotContain("hook-Secret-Token-42")
			.doesNotContain(TestMailServer.PASSWORD);
	}

	private DeliveryRequest request(long runKey) {
		return DeliveryFixture.request(runKey, this.workbook, this.focus, DeliveryFixture.delivery(),
				DeliveryFixture.budgets());
	}

	private Deliverer deliverer(int mailPort, DataSize maxAttachment) {
		return deliverer(mailPort, maxAttachment, new java.math.BigDecimal("0.25"));
	}

	private Deliverer deliverer(int mailPort, DataSize maxAttachment, java.math.BigDecimal jumpThreshold) {
		DeliveryProperties properties = properties(maxAttachment);
		MockEnvironment environment = new MockEnvironment().withProperty(WebhookChannel.URL_VARIABLE,
				this.webhook.url());
		return new Deliverer(new MailChannel(mailSender(mailPort), properties),
				new WebhookChannel(WebClient.builder(), environment, properties),
				new SentNotifications(this.jdbc, this.transactions),
				new AlertEvaluator(new AlertSettings(jumpThreshold, new java.math.BigDecimal("100"))), properties,
				Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC));
	}

	private static DeliveryProperties properties(DataSize maxAttachment) {
		return new DeliveryProperties("reports@example.com", maxAttachment, 2, Duration.ofMillis(20),
				Duration.ofSeconds(5));
	}

	private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> mailSender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setUsername(TestMailServer.USER);
		sender.setPassword(TestMailServer.PASSWORD);
		sender.getJavaMailProperties().put("mail.smtp.auth", "true");
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.localhost", "localhost");
		return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
	}

}
