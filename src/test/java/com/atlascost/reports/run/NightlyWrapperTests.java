package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.AtlasCostReportsApplication;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.testsupport.SandboxRun;

/**
 * {@code cron/run-nightly.sh}, run by bash as cron runs it. A fake job command (a script
 * that records how it was called) stands in for the JVM where the wrapper's own behaviour
 * is tested; one test runs the real application.
 */
class NightlyWrapperTests {

	private static final String SECRET = "s3cr3t-never-logged";

	@TempDir
	Path dir;

	private Path credentials;

	private Path logs;

	private Path fakeJob;

	private Path invocations;

	@BeforeEach
	void fakeJobAndCredentials() throws IOException {
		this.credentials = this.dir.resolve("credentials");
		Files.writeString(this.credentials, """
				# service account of the nightly job
				MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_nightly
				MONGODB_ATLAS_CLIENT_SECRET=%s
				""".formatted(SECRET));
		Files.setPosixFilePermissions(this.credentials, PosixFilePermissions.fromString("rw-------"));
		this.logs = this.dir.resolve("logs");
		this.invocations = this.dir.resolve("invocations");
		this.fakeJob = this.dir.resolve("fake-job.sh");
		Files.writeString(this.fakeJob,
				"""
						#!/usr/bin/env bash
						echo "fake job $* client id=${MONGODB_ATLAS_CLIENT_ID:-unset} secret set=${MONGODB_ATLAS_CLIENT_SECRET:+yes}"
						echo "$*" >> "$FAKE_INVOCATIONS"
						if [ "${MONGODB_ATLAS_CLIENT_SECRET:-}" = "%s" ]; then echo ok > "$FAKE_INVOCATIONS.secret"; fi
						if [ -n "${FAKE_HOLD:-}" ]; then
							touch "$FAKE_HOLD.started"
							while [ ! -f "$FAKE_HOLD.release" ]; do sleep 0.05; done
						fi
						exit "${FAKE_EXIT:-0}"
						"""
					.formatted(SECRET));
		Files.setPosixFilePermissions(this.fakeJob, PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void aNormalRunWritesADatedLogPassesTheExitCodeAndKeepsThirtyDaysOfLogs() throws Exception {
		Files.createDirectories(this.logs);
		Path old = this.logs.resolve("nightly-old.log");
		Path recent = this.logs.resolve("nightly-recent.log");
		Files.writeString(old, "31 days old");
		Files.writeString(recent, "29 days old");
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
		Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(29))));

		Result result = wrapper(Map.of("FAKE_EXIT", "1"), "jobs/nightly.yml", "--refresh").awaitResult();

		assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
		Path log = this.logs.resolve("nightly-" + LocalDate.now(ZoneOffset.UTC) + ".log");
		assertThat(log).exists();
		assertThat(Files.readString(log)).contains("run-nightly: starting nightly")
			.contains("fake job --job=jobs/nightly.yml --refresh client id=mdb_sa_id_nightly secret set=yes")
			.contains("run-nightly: nightly ended with exit code 1")
			.doesNotContain(SECRET);
		assertThat(this.invocations.resolveSibling("invocations.secret")).as("the secret reached the job").exists();
		assertThat(old).doesNotExist();
		assertThat(recent).exists();

		assertThat(wrapper(Map.of("FAKE_EXIT", "0"), "jobs/nightly.yml").awaitResult().exitCode()).isZero();
		assertThat(Files.readString(log)).as("the same day appends to the same log")
			.contains("ended with exit code 1")
			.contains("ended with exit code 0");
	}

	@Test
	void aCredentialsFileOthersCanReadIsRefused() throws Exception {
		Files.setPosixFilePermissions(this.credentials, PosixFilePermissions.fromString("rw-r-----"));
		Result result = wrapper(Map.of(), "jobs/nightly.yml").awaitResult();
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("refusing to run: credentials file " + this.credentials)
			.contains("has mode 640")
			.contains("chmod 600");
		assertThat(this.invocations).as("the job never ran").doesNotExist();
	}

	@Test
	void aRunStillHoldingTheLockMakesTheNextExitThreeWithoutRunning() throws Exception {
		Path hold = this.dir.resolve("hold");
		Wrapper first = wrapper(Map.of("FAKE_HOLD", hold.toString()), "jobs/nightly.yml");
		awaitFile(hold.resolveSibling("hold.started"));

		Result second = wrapper(Map.of(), "jobs/nightly.yml").awaitResult();
		assertThat(second.exitCode()).isEqualTo(3);
		assertThat(second.stderr()).contains("nightly not started: another run holds");
		assertThat(Files.readAllLines(this.invocations)).hasSize(1);

		Files.createFile(hold.resolveSibling("hold.release"));
		assertThat(first.awaitResult().exitCode()).isZero();
		assertThat(Files.readString(this.logs.resolve("nightly-" + LocalDate.now(ZoneOffset.UTC) + ".log")))
			.contains("not started: another run holds");
	}

	@Test
	void theRealJobRunsThroughTheWrapper() throws Exception {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		try (AtlasSandbox sandbox = AtlasSandbox.start()) {
			Files.writeString(this.credentials, "MONGODB_ATLAS_CLIENT_ID=" + sandbox.serviceAccount().clientId()
					+ "\nMONGODB_ATLAS_CLIENT_SECRET=" + sandbox.serviceAccount().clientSecret() + "\n");
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			String command = String.join(" ", java, "-XX:TieredStopAtLevel=1", "-cp",
					System.getProperty("java.class.path"), AtlasCostReportsApplication.class.getName(),
					"--atlas.base-url=" + sandbox.baseUrl(), "--spring.datasource.url=" + SandboxRun.jdbcUrl(this.dir),
					"--reports.dir=" + this.dir.resolve("reports"));
			Result result = wrapper(Map.of("ATLAS_COST_REPORTS_COMMAND", command), "jobs/sandbox.yml", "--from=" + now,
					"--to=" + now)
				.awaitResult();
			String log = Files.readString(this.logs.resolve("sandbox-" + LocalDate.now(ZoneOffset.UTC) + ".log"));
			assertThat(result.exitCode()).as(log).isZero();
			assertThat(log).contains("Exit code 0: done").contains("ended with exit code 0");
			assertThat(log).doesNotContain(sandbox.serviceAccount().clientSecret());
			assertThat(sandbox.counters().creates()).isEqualTo(4);
			assertThat(this.dir.resolve("reports").resolve("sandbox-demo_" + now + "_" + now + ".xlsx")).exists();
		}
	}

	private Wrapper wrapper(Map<String, String> environment, String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("cron/run-nightly.sh").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(this.dir.resolve("stdout").toFile());
		Path stderr = Files.createTempFile(this.dir, "stderr", ".txt");
		builder.redirectError(stderr.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("MONGODB_ATLAS_") || name.startsWith("ATLAS_COST_REPORTS_"));
		env.put("ATLAS_COST_REPORTS_HOME", Path.of("").toAbsolutePath().toString());
		env.put("ATLAS_COST_REPORTS_CREDENTIALS", this.credentials.toString());
		env.put("ATLAS_COST_REPORTS_LOG_DIR", this.logs.toString());
		env.put("ATLAS_COST_REPORTS_LOCK", this.dir.resolve("nightly.lock").toString());
		env.put("ATLAS_COST_REPORTS_COMMAND", this.fakeJob.toString());
		env.put("FAKE_INVOCATIONS", this.invocations.toString());
		env.putAll(environment);
		return new Wrapper(builder.start(), stderr);
	}

	private static void awaitFile(Path file) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!Files.exists(file)) {
			assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private record Wrapper(Process process, Path stderr) {

		Result awaitResult() throws Exception {
			assertThat(this.process.waitFor(120, TimeUnit.SECONDS)).as("the wrapper ended in time").isTrue();
			return new Result(this.process.exitValue(), Files.readString(this.stderr));
		}

	}

	private record Result(int exitCode, String stderr) {
	}

}
