package com.atlascost.reports.cli;

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
 * Bad settings are refused before anything is called or written: exit {@code 2}, a line
 * naming the property (or file and field) and the value.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsFunctionalTests {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					--atlas.base-url=htp:/nowhere            | atlas.base-url=htp:/nowhere: must be an absolute http or https URL
					--atlas.base-url=cloud.mongodb.com       | atlas.base-url=cloud.mongodb.com: must be an absolute http or https URL
					--atlas.base-url=ftp://cloud.mongodb.com | atlas.base-url=ftp://cloud.mongodb.com: must be an absolute http or https URL
					--atlas.base-url=https:///api            | atlas.base-url=https:///api: has no host
					--atlas.timeouts.read=0s                 | atlas.timeouts.read=PT0S: must be positive
					--atlas.timeouts.exchange=-1s            | atlas.timeouts.exchange=PT-1S: must be positive
					--atlas.polling.deadline=0s              | atlas.polling.deadline=PT0S: must be positive
					--usage.concurrency=0                    | usage.concurrency=0: must be at least 1
					--usage.concurrency-per-org=-3           | usage.concurrency-per-org=-3: must be at least 1
					--usage.settlement-days=-1               | usage.settlement-days=-1: must be 0 or more
					--invoices.concurrency=0                 | invoices.concurrency=0: must be at least 1
					--atlas.items-per-page=501               | atlas.items-per-page=501: must be between 1 and 500
					--atlas.retry.max-attempts=0             | atlas.retry.max-attempts=0: must be at least 1
					--atlas.rate-limit.capacity=0            | atlas.rate-limit.capacity=0: must be at least 1
					--atlas.polling.multiplier=0.5           | atlas.polling.multiplier=0.5: must be at least 1
					--report.locale=fr                       | report.locale=fr: must be en or ja
					--report.jump-threshold=0                | report.jump-threshold=0: must be above 0
					--report.jump-min-amount=-1              | report.jump-min-amount=-1: must be 0 or more
					--report.chart-series=0                  | report.chart-series=0: must be at least 1
					--progress.interval=0s                   | progress.interval=PT0S: must be above 0
					--progress.mode=sometimes                | progress.mode=sometimes: must be one of auto, bar, log
					--from=0000-01                           | --from=0000-01: before 2016-06, the first month Atlas billed
					--to=9999-12                             | --to=9999-12: after the open month
					""")
	void aBadSettingExitsTwoNamingItAndNothingIsCalledOrWritten(String setting, String problem, CapturedOutput output)
			throws IOException {
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job(), "--sandbox", setting);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + problem);
		assertNothingCalledOrWritten(run);
	}

	@Test
	void aReportsDirThatIsAFileExitsTwo(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a directory");

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job(), "--sandbox", "--reports.dir=" + file);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: reports.dir=" + file + ": is not a directory");
		assertThat(run.counters().creates()).isZero();
		assertThat(run.counters().tokenRequests()).isZero();
		assertThat(Files.readString(file)).isEqualTo("not a directory");
	}

	@Test
	void aReportsDirThatIsADanglingLinkExitsTwo(CapturedOutput output) throws IOException {
		Path link = Files.createSymbolicLink(this.dir.resolve("reports-link"), this.dir.resolve("gone"));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job(), "--sandbox", "--reports.dir=" + link);

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: reports.dir=" + link + ": is a link to nothing");
		assertThat(run.counters().creates()).isZero();
		assertThat(this.dir.resolve("gone")).doesNotExist();
	}

	@Test
	void aReportsDirUnderAFileExitsTwo(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "x");

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job(), "--sandbox",
				"--reports.dir=" + file.resolve("reports"));

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: reports.dir=" + file.resolve("reports") + ": cannot be created: "
				+ file + " is not a directory");
		assertThat(run.counters().creates()).isZero();
	}

	@Test
	void anH2DatabaseUnderAFileExitsTwoNamingTheUrlBeforeAnythingIsWritten(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "x");
		String url = "jdbc:h2:file:" + file.resolve("data").resolve("db") + ";WRITE_DELAY=0";

		SandboxRun run = SandboxRun.withDatabaseArguments(List.of("--spring.datasource.url=" + url), this.dir,
				"--job=" + job(), "--sandbox");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: spring.datasource.url=" + url + ": the database's directory "
				+ file.resolve("data") + " cannot be created: " + file + " is not a directory");
		assertThat(output).doesNotContain("at org.h2.");
		assertThat(Files.readString(file)).isEqualTo("x");
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

	@Test
	void aLabelLongerThanItsColumnExitsTwoNamingTheField(CapturedOutput output) throws IOException {
		Path job = Files.writeString(this.dir.resolve("long-label.yml"), """
				name: long-label
				groupBy: [services]
				organizations:
				  - id: %s
				    label: %s
				""".formatted(SandboxData.ACME_PRODUCTION, "L".repeat(256)));

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + job + ": organizations[0].label")
			.contains("must be at most 255 characters");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void aJobFileAboveOneMegabyteExitsTwoWithoutReadingIt(CapturedOutput output) throws IOException {
		Path job = this.dir.resolve("huge.yml");
		Files.writeString(job, "# " + "x".repeat(2 * 1024 * 1024) + "\n");

		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + job + ": job file is 2097155 bytes; at most 1048576 (1 MB)");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void aJobFileThatIsNotARegularFileExitsTwo(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.dir, "--job=/dev/zero", "--sandbox");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: /dev/zero: not a regular file");
		assertNothingCalledOrWritten(run);
	}

	private Path job() throws IOException {
		return Files.writeString(this.dir.resolve("job.yml"), """
				name: settings
				groupBy: [services]
				organizations:
				  - id: %s
				""".formatted(SandboxData.ACME_PRODUCTION));
	}

	private void assertNothingCalledOrWritten(SandboxRun run) {
		// a setting refused while binding stops the start before the sandbox is up
		if (run.counters() != null) {
			assertThat(run.counters().creates()).isZero();
			assertThat(run.counters().tokenRequests()).isZero();
		}
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

}
