package com.atlascost.reports.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a sandbox answering finished queries as a broken proxy or an
 * attacker would ({@code sandbox.faults.answer}): the broken organization's queries fail
 * with {@code UNEXPECTED_ANSWER} and a detail naming the field, nothing of it is stored
 * as done, the others are stored, and the next run asks it again.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileAnswerFunctionalTests {

	private static final String PRODUCTION = SandboxData.ACME_PRODUCTION;

	private static final String ANALYTICS = SandboxData.ACME_ANALYTICS;

	private static final String PLAYGROUND = SandboxData.ACME_SANDBOX;

	private static final String FOREIGN = "5f0c2a3b4d5e6f70819299ff";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing-details    | usageDetails: absent from the answer
			renamed-details    | usageDetails: absent from the answer
			empty-body         | usageDetails: the answer has an empty body
			unparseable-amount | usageDetails[0].usageAmount: '12,50' is not an amount
			unparseable-date   | usageDetails[0].usageDate: 'yesterday' is not a date (YYYY-MM-DD)
			outside-window     | is outside the query's window 2024-03-01 to 2024-03-31
			foreign-rows       | .organizationId: 5f0c2a3b4d5e6f70819299ff is an organization the query did not ask for
			""")
	void aBrokenAnswerFailsItsOrganizationsQueriesNamingTheFieldAndTheNextRunAsksAgain(String fault, String detail,
			CapturedOutput output) throws Exception {
		Path job = threeOrgs();

		SandboxRun broken = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.faults.answer=" + fault, "--sandbox.faults.organizations=" + PLAYGROUND);

		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(
				SandboxRun.column(this.dir, "SELECT org_id || ' ' || state FROM cost_query ORDER BY org_id, group_by"))
			.containsExactly(PRODUCTION + " DONE", PRODUCTION + " DONE", ANALYTICS + " DONE", ANALYTICS + " DONE",
					PLAYGROUND + " FAILED", PLAYGROUND + " FAILED");
		assertThat(SandboxRun.column(this.dir,
				"SELECT error_status || ' ' || error_code FROM cost_query WHERE state = 'FAILED'"))
			.containsOnly("200 UNEXPECTED_ANSWER");
		assertThat(SandboxRun.column(this.dir, "SELECT error_detail FROM cost_query WHERE state = 'FAILED'"))
			.allSatisfy((stored) -> assertThat(stored).contains(detail));
		assertThat(SandboxRun.column(this.dir,
				"SELECT COUNT(*) FROM cost_query WHERE state = 'FAILED' AND token IS NOT NULL"))
			.containsExactly("0");
		assertThat(SandboxRun.column(this.dir, "SELECT COUNT(*) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
				+ " WHERE q.org_id = '" + PLAYGROUND + "'"))
			.containsExactly("0");
		assertThat(SandboxRun.column(this.dir, "SELECT COUNT(*) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
				+ " WHERE q.org_id = '" + ANALYTICS + "'"))
			.singleElement()
			.isNotEqualTo("0");
		assertThat(output).containsPattern(
				"org " + PLAYGROUND + " [a-z]+ 2024-03: failed: status 200, errorCode UNEXPECTED_ANSWER, detail: .*"
						+ java.util.regex.Pattern.quote(detail));
		assertThat(output).contains("2 of 6 queries failed");

		SandboxRun next = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03");

		assertThat(next.exitCode()).isZero();
		assertThat(next.counters().creates()).as("the failed queries created anew").isEqualTo(2);
		assertThat(SandboxRun.column(this.dir, "SELECT DISTINCT state FROM cost_query")).containsExactly("DONE");
	}

	@Test
	void aRowOfAnotherOrganizationNeverLandsInATotalAndItsOrganizationIsNamed(CapturedOutput output) throws Exception {
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + threeOrgs(), "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.faults.answer=foreign-rows");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(SandboxRun.column(this.dir, "SELECT DISTINCT state FROM cost_query")).containsExactly("FAILED");
		assertThat(SandboxRun.column(this.dir, "SELECT COUNT(*) FROM usage_row")).containsExactly("0");
		assertThat(
				SandboxRun.column(this.dir, "SELECT COUNT(*) FROM usage_row WHERE organization_id = '" + FOREIGN + "'"))
			.containsExactly("0");
		for (String org : List.of(PRODUCTION, ANALYTICS, PLAYGROUND)) {
			assertThat(output).contains("org " + org + " services 2024-03: failed: status 200, errorCode"
					+ " UNEXPECTED_ANSWER, detail: usageDetails[");
		}
		assertThat(output).contains(FOREIGN + " is an organization the query did not ask for");
	}

	@Test
	void namesLongerThanTheirColumnAreStoredCutWithAMarkerAndTheRunSucceeds() throws Exception {
		Path job = write("projects.yml", """
				name: long-names
				groupBy: [projects, services]
				organizations:
				  - id: %s
				    projects: all
				""".formatted(PRODUCTION));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.faults.answer=long-names");

		assertThat(run.exitCode()).isZero();
		assertThat(SandboxRun.column(this.dir, "SELECT DISTINCT state FROM cost_query")).containsExactly("DONE");
		assertThat(SandboxRun.column(this.dir, "SELECT project_name FROM usage_row WHERE project_name IS NOT NULL"))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).hasSize(255).endsWith("…[truncated]"));
		assertThat(SandboxRun.column(this.dir, "SELECT service FROM usage_row WHERE service IS NOT NULL")).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).hasSize(100).endsWith("…[truncated]"));
		// Acme Production's queries carry the rows of Acme Sandbox Org, which it pays for
		assertThat(SandboxRun.column(this.dir,
				"SELECT organization_name FROM usage_row WHERE organization_id = '" + PRODUCTION + "'"))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).hasSize(255).startsWith("Acme Production").endsWith("…[truncated]"));
		assertThat(SandboxRun.column(this.dir,
				"SELECT organization_name FROM usage_row WHERE organization_id = '" + PLAYGROUND + "'"))
			.isNotEmpty()
			.allSatisfy(
					(name) -> assertThat(name).hasSize(255).startsWith("Acme Sandbox Org").endsWith("…[truncated]"));
		try (var files = Files.list(this.dir.resolve("reports"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).anyMatch((name) -> name.endsWith(".xlsx"));
		}
	}

	/**
	 * {@code Retry-After: 100000} on a create: capped (5 minutes by default) and counted
	 * against the query's deadline, so the run ends when the deadline passes, not a day
	 * (or five minutes) later.
	 */
	@Test
	void anExtremeRetryAfterOnACreateCountsAgainstTheQuerysDeadline(CapturedOutput output) throws Exception {
		Path job = write("one-org.yml", """
				name: retry-after
				groupBy: [services]
				organizations:
				  - id: %s
				""".formatted(PRODUCTION));
		long started = System.nanoTime();

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2024-03", "--to=2024-03",
				"--sandbox.injected-failures=429", "--sandbox.injected-failures-on=createCostExplorerQueryProcess",
				"--sandbox.faults.retry-after=100000s", "--atlas.polling.deadline=3s");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
			.isLessThan(java.time.Duration.ofSeconds(60));
		assertThat(output)
			.contains("was asked to wait 100000s (Retry-After); waiting 300s, atlas.retry.max-retry-after")
			.contains("not created within the polling deadline PT3S (waits for Retry-After included)");
		assertThat(SandboxRun.column(this.dir, "SELECT DISTINCT error_code FROM cost_query WHERE state = 'FAILED'"))
			.containsExactly("POLLING_DEADLINE");
	}

	private Path threeOrgs() throws IOException {
		return write("three-orgs.yml", """
				name: hostile
				groupBy: [services]
				organizations:
				  - id: %s
				  - id: %s
				  - id: %s
				""".formatted(PRODUCTION, ANALYTICS, PLAYGROUND));
	}

	private Path write(String name, String yaml) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, yaml);
		return file;
	}

}
