package com.atlascost.reports.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input exits 2 with a message naming the problem, before any call to Atlas, and
 * writes no report.
 */
@OnEachDatabase
@ExtendWith(OutputCaptureExtension.class)
class InvalidInputFunctionalTests {

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	static Stream<Arguments> invalidJobFiles() {
		return Stream.of(
				Arguments.of("bad org id", "name: t\ngroupBy: [services]\norganizations:\n  - id: 5f0c2a3b\n",
						"organizations[0].id: '5f0c2a3b' must be a 24-character lowercase hex Atlas id"),
				Arguments.of("unknown service",
						"name: t\ngroupBy: [services]\norganizations:\n  - id: " + ORG + "\n    services: [Compute]\n",
						"organizations[0].services[0]: 'Compute' is not a Cost Explorer service"),
				Arguments.of("unknown grouping", "name: t\ngroupBy: [regions]\norganizations:\n  - id: " + ORG + "\n",
						"groupBy[0]: 'regions' is not a grouping"),
				Arguments.of("malformed cluster id",
						"name: t\ngroupBy: [clusters]\norganizations:\n  - id: " + ORG + "\n    clusters: [c1]\n",
						"organizations[0].clusters[0]: 'c1' must be a 24-character lowercase hex Atlas id"),
				Arguments.of("empty organizations", "name: t\ngroupBy: [services]\norganizations: []\n",
						"organizations: '[]' must list at least one organization"),
				Arguments.of("YAML syntax error", "name: t\ngroupBy: [services\norganizations:\n  - id: " + ORG + "\n",
						"cannot read YAML (line 3"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidJobFiles")
	void invalidJobFileExitsTwoNamingTheProblemAndWritesNoReport(String name, String yaml, String problem,
			CapturedOutput output) throws IOException {
		Path job = this.dir.resolve("job.yml");
		Files.writeString(job, yaml);
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=" + job, "--sandbox");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + job + ": ").contains(problem);
		assertNothingCalledOrWritten(run);
	}

	@Test
	void missingJobFileExitsTwo(CapturedOutput output) {
		Path job = this.dir.resolve("missing.yml");
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=" + job, "--sandbox");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + job + ": job file not found");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void jobFileNotInUtf8ExitsTwoNamingTheByteAndItsOffset(CapturedOutput output) throws IOException {
		Path job = this.dir.resolve("latin1.yml");
		Files.write(job, ("name: caf\u00e9\ngroupBy: [services]\norganizations:\n  - id: " + ORG + "\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=" + job, "--sandbox");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: " + job + ": not UTF-8: byte 0xE9 at offset 9");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void missingJobOptionExitsTwo(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--sandbox");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: --job is required");
	}

	@Test
	void fromAfterToExitsTwo(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=2026-05",
				"--to=2026-04");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: --from=2026-05 is after --to=2026-04");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void malformedMonthExitsTwo(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=jobs/sandbox.yml", "--sandbox", "--from=2026-3");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: --from=2026-3: not a month; use YYYY-MM");
		assertNothingCalledOrWritten(run);
	}

	@Test
	void missingCredentialsExitTwoNamingTheVariables(CapturedOutput output) {
		SandboxRun run = SandboxRun.of(this.database, this.dir, "--job=jobs/sandbox.yml",
				"--atlas.base-url=http://127.0.0.1:9");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid input: No Atlas credentials: set MONGODB_ATLAS_CLIENT_ID");
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

	private void assertNothingCalledOrWritten(SandboxRun run) {
		assertThat(run.counters().creates()).isZero();
		assertThat(run.counters().tokenRequests()).isZero();
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

}
