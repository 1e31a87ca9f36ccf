package com.atlascost.reports.job;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.notify.TestMailServer;
import com.atlascost.reports.notify.TestWebhook;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs that deliver, against the sandbox, a real SMTP server (GreenMail) and a
 * local webhook receiver: finance gets the workbook once, the budget alert goes by mail
 * and webhook, a mail server that is down fails the run and the same command delivers
 * without asking Atlas again, and nothing repeats or leaks a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	private static final YearMonth FROM = NOW.minusMonths(1);

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private Path job;

	private TestMailServer mail;

	private TestWebhook webhook;

	@BeforeEach
	void start() throws IOException {
		this.job = this.dir.resolve("delivery-check.yml");
		Files.writeString(this.job, """
				name: delivery-check
				groupBy: [projects, services]
				organizations:
				  - id: %s
				    label: Acme Production
				    projects: all
				    monthlyBudget: 1
				  - id: %s
				    label: Acme Analytics
				    projects: all
				delivery:
				  email:
				    to: [finance@example.com]
				    cc: [controller@example.com]
				  alerts:
				    email: [finops@example.com]
				    webhook: true
				""".formatted(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS));
		this.webhook = TestWebhook.start();
	}

	@AfterEach
	void stop() {
		if (this.mail != null) {
			this.mail.close();
		}
		this.webhook.close();
	}

	@Test
	void financeGetsTheWorkbookOnceAndTheBudgetAlertGoesByMailAndWebhookWithoutASecret(CapturedOutput output)
			throws Exception {
		this.mail = TestMailServer.start();
		SandboxRun run = run(this.mail.port());
		assertThat(run.exitCode()).isZero();

		List<MimeMessage> reports = this.mail.messagesTo("finance@example.com");
		assertThat(reports).hasSize(1);
		MimeMessage report = reports.get(0);
		List<String> provisional = provisionalMonths();
		assertThat(provisional).as("the open month, and the one before in its first days").endsWith(NOW.toString());
		assertThat(report.getSubject()).isEqualTo("delivery-check: cost report " + FROM + " to " + NOW + " ("
				+ String.join(", ", provisional) + " provisional)");
		assertThat(TestMailServer.to(report)).containsExactly("finance@example.com");
		assertThat(TestMailServer.cc(report)).containsExactly("controller@example.com");
		assertThat(this.mail.messagesTo("controller@example.com")).hasSize(1);
		assertThat(TestMailServer.addresses(report.getFrom())).singleElement()
			.satisfies((from) -> assertThat(from).startsWith("atlas-cost-reports@"));
		assertThat(TestMailServer.text(report)).contains("Billed for " + FROM)
			.contains("- Acme Production (billing account " + SandboxData.ACME_PRODUCTION + "): "
					+ billed(SandboxData.ACME_PRODUCTION) + ", ")
			.contains("- Acme Analytics (billing account " + SandboxData.ACME_ANALYTICS + "): "
					+ billed(SandboxData.ACME_ANALYTICS) + ", ")
			.contains("Accrual for " + NOW)
			.contains(forecast(SandboxData.ACME_PRODUCTION))
			.contains(forecast(SandboxData.ACME_ANALYTICS))
			.contains(linkedAccrual(SandboxData.ACME_SANDBOX));
		List<TestMailServer.Attachment> attachments = TestMailServer.attachments(report);
		assertThat(attachments).singleElement().satisfies((attachment) -> {
			assertThat(attachment.name()).isEqualTo(workbook().getFileName().toString());
			assertThat(attachment.bytes()).isEqualTo(Files.readAllBytes(workbook()));
		});

		List<MimeMessage> alerts = this.mail.messagesTo("finops@example.com");
		assertThat(alerts).extracting(MimeMessage::getSubject)
			.containsExactly(
					"delivery-check: Budget exceeded: Acme Production (" + SandboxData.ACME_PRODUCTION + ") in " + FROM
							+ (provisional.contains(FROM.toString()) ? " (provisional)" : ""),
					"delivery-check: Budget exceeded: Acme Production (" + SandboxData.ACME_PRODUCTION + ") in " + NOW
							+ " (provisional)");
		// budgets are on the bill: the organization's own invoice of the closed month
		assertThat(TestMailServer.text(alerts.get(0)))
			.contains("- the whole organization: actual (billed) " + ownBilled(SandboxData.ACME_PRODUCTION)
					+ ", budget $1.00")
			.contains("see sheet Budgets");
		assertThat(this.webhook.bodies()).hasSize(2);
		JsonNode posted = json.readTree(this.webhook.bodies().get(0));
		assertThat(posted.get("text").asString())
			.startsWith("Budget exceeded: Acme Production (" + SandboxData.ACME_PRODUCTION + ") in " + FROM);
		assertThat(posted.get("kind").asString()).isEqualTo("budget-exceeded");
		assertThat(posted.get("organization").get("label").asString()).isEqualTo("Acme Production");
		assertThat(posted.get("organization").get("id").asString()).isEqualTo(SandboxData.ACME_PRODUCTION);
		assertThat(posted.get("items").get(0).get("budget").decimalValue()).isEqualByComparingTo("1");
		assertThat(output).contains("Delivered: 5 sent, 0 sent before, 0 not delivered");
		assertThat(zipText(workbook())).as("the run info, written before the delivery, does not promise exit 0")
			.contains("0: done when this report was written; the delivery that follows ends the run with 1 if it"
					+ " fails (see the run's log)");

		List<String> secrets = List.of(this.webhook.url(), TestWebhook.SECRET_PATH, "hook-Secret-Token-42",
				TestMailServer.PASSWORD, run.sandbox().serviceAccount().clientSecret());
		String everything = this.mail.raw() + String.join("\n", this.webhook.bodies()) + output.getAll()
				+ databaseText() + reportsText();
		for (String secret : secrets) {
			assertThat(everything).doesNotContain(secret);
		}
	}

	@Test
	void aMailServerThatIsDownFailsTheRunAndTheSameCommandDeliversOnceWithoutAskingAtlas(CapturedOutput output)
			throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SandboxRun down = run(port);
		assertThat(down.exitCode()).isEqualTo(1);
		assertThat(down.counters().creates()).isPositive();
		assertThat(workbook()).isNotEmptyFile();
		assertThat(output)
			.contains("Failure: Not delivered: the report mail to finance@example.com,"
					+ " controller@example.com (cc): MailSendException: ConnectException")
			.contains("The data and reports are stored and written; run the same command again to send only what is"
					+ " missing.")
			.contains("Exit code 1");
		assertThat(this.webhook.bodies()).as("the webhook was up").hasSize(2);
		byte[] written = Files.readAllBytes(workbook());

		this.mail = TestMailServer.startOn(port);
		SandboxRun back = run(port);
		assertThat(back.exitCode()).isZero();
		assertThat(back.counters().creates()).isZero();
		assertThat(back.counters().polls()).isZero();
		assertThat(back.counters().projectListings()).isZero();
		assertThat(back.counters().tokenRequests()).isZero();
		assertThat(output).contains("Resuming job execution 1 (status FAILED)")
			.contains("Delivered: 3 sent, 2 sent before, 0 not delivered");
		assertThat(this.mail.messagesTo("finance@example.com")).singleElement()
			.satisfies((report) -> assertThat(TestMailServer.attachments(report).get(0).bytes()).isEqualTo(written));
		assertThat(this.mail.messagesTo("finops@example.com")).hasSize(2);
		assertThat(this.webhook.bodies()).as("not posted twice").hasSize(2);

		SandboxRun again = run(port);
		assertThat(again.exitCode()).isZero();
		assertThat(again.sandbox().exchanges()).as("the report is rebuilt from the database").isEmpty();
		assertThat(output).contains("Job execution 2 of 'delivery-check'")
			.contains("its report is rebuilt from the database")
			.contains("Delivered: 0 sent, 5 sent before, 0 not delivered");
		assertThat(this.mail.messages()).as("the rebuilt report is not mailed twice").hasSize(3);
		assertThat(this.webhook.bodies()).hasSize(2);
	}

	@Test
	void aSecondRunTheSameDayWithNothingChangedSendsNoAlertTwice(CapturedOutput output) throws Exception {
		this.mail = TestMailServer.start();
		assertThat(run(this.mail.port()).exitCode()).isZero();
		assertThat(this.mail.messagesTo("finops@example.com")).hasSize(2);

		assertThat(run(this.mail.port()).exitCode()).isZero();
		assertThat(output).contains("Job execution 1 of 'delivery-check'")
			.contains("its report is rebuilt from the database")
			.contains("Delivered: 0 sent, 5 sent before, 0 not delivered");
		assertThat(this.mail.messagesTo("finance@example.com")).as("the rebuilt report is not mailed twice").hasSize(1);
		assertThat(run(this.mail.port()).exitCode()).isZero();
		assertThat(this.mail.messagesTo("finance@example.com")).as("nor when it is rebuilt again").hasSize(1);

		SandboxRun refreshed = run(this.mail.port(), "--refresh");
		assertThat(refreshed.exitCode()).isZero();
		assertThat(refreshed.counters().creates()).as("fetched again").isPositive();
		assertThat(this.mail.messagesTo("finance@example.com")).as("a new run mails its report").hasSize(2);
		assertThat(this.mail.messagesTo("finops@example.com")).as("the alerts did not change").hasSize(2);
		assertThat(this.webhook.bodies()).hasSize(2);
		assertThat(output).contains("Delivered: 1 sent, 4 sent before, 0 not delivered");
	}

	@Test
	void badDeliverySettingsAreInvalidInputBeforeAnythingIsCalled(CapturedOutput output) throws Exception {
		SandboxRun noMailServer = SandboxRun.of(this.dir, "--job=" + this.job, "--sandbox",
				"--ATLAS_COST_REPORTS_WEBHOOK_URL=" + this.webhook.url());
		assertThat(noMailServer.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + this.job
				+ ": delivery: sends mail, but no mail server is configured: set spring.mail.host");
		assertThat(noMailServer.counters().creates()).isZero();
		assertThat(noMailServer.counters().tokenRequests()).isZero();

		SandboxRun noWebhook = SandboxRun.of(this.dir,
				Stream.concat(Stream.of("--job=" + this.job, "--sandbox"), TestMailServer.springArguments(1).stream())
					.toArray(String[]::new));
		assertThat(noWebhook.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + this.job
				+ ": delivery.alerts.webhook: 'true' needs the webhook's URL in the environment variable"
				+ " ATLAS_COST_REPORTS_WEBHOOK_URL");
		assertThat(noWebhook.counters().creates()).isZero();

		Files.writeString(this.job, Files.readString(this.job).replace("finops@example.com", "finops at example"));
		SandboxRun badAddress = run(1);
		assertThat(badAddress.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + this.job
				+ ": delivery.alerts.email[0]: 'finops at example' is not a mail address (name@example.com)");
		assertThat(this.dir.resolve("reports")).doesNotExist();

		SandboxRun noDelivery = SandboxRun.of(this.dir, "--job=" + this.job.resolveSibling("plain.yml"), "--sandbox",
				"--no-delivery");
		assertThat(noDelivery.exitCode()).as("the file is missing").isEqualTo(2);
		Files.writeString(this.job, Files.readString(this.job).replace("finops at example", "finops@example.com"));
		SandboxRun skipped = SandboxRun.of(this.dir, "--job=" + this.job, "--sandbox", "--from=" + NOW, "--to=" + NOW,
				"--no-delivery");
		assertThat(skipped.exitCode()).as("--no-delivery needs no mail server").isZero();
		assertThat(output).contains("Delivery skipped (--no-delivery)");
		assertThat(this.webhook.requests()).isZero();
	}

	private SandboxRun run(int mailPort, String... more) {
		List<String> args = new ArrayList<>(List.of("--job=" + this.job, "--sandbox", "--from=" + FROM, "--to=" + NOW,
				"--ATLAS_COST_REPORTS_WEBHOOK_URL=" + this.webhook.url(), "--delivery.retry-delay=20ms",
				"--delivery.attempts=2", "--report.jump-min-amount=100000000"));
		args.addAll(TestMailServer.springArguments(mailPort));
		args.addAll(List.of(more));
		return SandboxRun.of(this.dir, args.toArray(String[]::new));
	}

	/**
	 * The months the run stored as provisional, as the report mail's subject lists them.
	 */
	private List<String> provisionalMonths() throws Exception {
		return TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT DISTINCT FORMATDATETIME(window_start, 'yyyy-MM') FROM cost_query WHERE provisional"
					+ " ORDER BY 1");
	}

	/**
	 * The billing account's billed amount of the last closed month as the report mail
	 * shows it: every invoice it pays, linked organizations' included.
	 */
	private String billed(String accountId) throws Exception {
		return usd(new BigDecimal(TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT SUM(amount_billed_cents) FROM invoice WHERE paying_org_id = '" + accountId
					+ "' AND billing_month = DATE '" + FROM.atDay(1) + "'")
			.get(0)).movePointLeft(2).toPlainString());
	}

	/** An organization's own invoice of the first month, billed. */
	private String ownBilled(String organizationId) throws Exception {
		return usd(new BigDecimal(TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT amount_billed_cents FROM invoice WHERE org_id = '" + organizationId
					+ "' AND billing_month = DATE '" + FROM.atDay(1) + "'")
			.get(0)).movePointLeft(2).toPlainString());
	}

	/**
	 * A billing account's open-month usage forecast as the mail's accrual line shows it:
	 * its organizations' {@code cost_forecast} added up (Acme Production pays for Acme
	 * Sandbox Org).
	 */
	private String forecast(String accountId) throws Exception {
		String organizations = accountId.equals(SandboxData.ACME_PRODUCTION)
				? "'" + accountId + "', '" + SandboxData.ACME_SANDBOX + "'" : "'" + accountId + "'";
		String[] forecast = TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT SUM(month_to_date), MAX(day_of_month), SUM(forecast_amount) FROM cost_forecast"
					+ " WHERE organization_id IN (" + organizations + ") AND billing_month = DATE '" + NOW.atDay(1)
					+ "'")
			.get(0)
			.split("\\|");
		return "usage " + usd(forecast[0]) + " so far on day " + forecast[1] + ", forecast " + usd(forecast[2]) + ", ";
	}

	/**
	 * A linked organization's line under its account: its accrual, its month-end forecast
	 * ({@code cost_forecast}; Acme Production's account pays no tax in the sandbox).
	 */
	private String linkedAccrual(String organizationId) throws Exception {
		String forecast = TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT forecast_amount FROM cost_forecast WHERE organization_id = '" + organizationId
					+ "' AND billing_month = DATE '" + NOW.atDay(1) + "'")
			.get(0);
		return "    - Acme Sandbox Org (" + organizationId + "): " + usd(forecast);
	}

	private static String usd(String amount) {
		return String.format(Locale.US, "$%,.2f", new BigDecimal(amount));
	}

	/** The text of the workbook's XML parts. */
	private static String zipText(Path workbook) throws IOException {
		StringBuilder text = new StringBuilder();
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		return text.toString();
	}

	private Path workbook() {
		return this.dir.resolve("reports").resolve("delivery-check_" + FROM + "_" + NOW + ".xlsx");
	}

	/** The text of every report file, the workbook's XML parts included. */
	private String reportsText() throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.list(this.dir.resolve("reports"))) {
			for (Path file : files.toList()) {
				if (file.toString().endsWith(".xlsx")) {
					text.append(zipText(file));
				}
				else {
					text.append(Files.readString(file));
				}
			}
		}
		assertThat(text).contains("Acme Production");
		return text.toString();
	}

	private String databaseText() throws Exception {
		TestDatabase.Rows db = TestDatabase.h2().at(this.dir);
		StringBuilder text = new StringBuilder();
		for (String table : List.of("BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
				"BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION", "COST_QUERY",
				"SENT_NOTIFICATION")) {
			text.append(db.rows("SELECT * FROM " + table)).append('\n');
		}
		assertThat(text).contains("Budget exceeded");
		return text.toString();
	}

}
