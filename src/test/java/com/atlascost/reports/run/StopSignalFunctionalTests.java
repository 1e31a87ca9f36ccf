package com.atlascost.reports.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxSettings;
import com.atlascost.reports.testsupport.SandboxRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM and Ctrl-C (SIGINT) mid-fetch, to a JVM of its own: it says so, exits within a
 * bounded time with the documented code (143, 130), keeps what was stored, and the same
 * command resumes the run to the end.
 */
class StopSignalFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@TempDir
	Path dir;

	@ParameterizedTest(name = "SIG{0}")
	@CsvSource({ "TERM, 143", "INT, 130" })
	void aSignalMidFetchIsLoggedExitsWithItsCodeAndTheSameCommandResumes(String signal, int exitCode) throws Exception {
		try (AtlasSandbox sandbox = AtlasSandbox
			.start(SandboxSettings.builder().processingDelay(Duration.ofSeconds(3)).build())) {
			ChildJvm first = child(sandbox, 1);
			first.awaitLine("created, token saved");

			long signalled = System.nanoTime();
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(first.process().pid())).start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(first.process().waitFor(15, TimeUnit.SECONDS)).as("ended in time:\n%s", first.output()).isTrue();

			assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(15));
			assertThat(first.process().exitValue()).isEqualTo(exitCode);
			assertThat(first.output()).contains("Stopped by a signal (SIGTERM exits 143, Ctrl-C 130) during")
				.contains("run the same command again to resume it");

			ChildJvm second = child(sandbox, 2);
			assertThat(second.awaitExit()).as("%s", second.output()).isZero();
			assertThat(second.output()).contains("but its process is gone (killed?); marking it FAILED")
				.contains("Resuming job execution")
				.doesNotContain("Stopped by a signal");
		}
	}

	private ChildJvm child(AtlasSandbox sandbox, int attempt) throws Exception {
		Files.createDirectories(this.dir);
		return ChildJvm.start(sandbox, this.dir.resolve("attempt-" + attempt + ".log"), "--job=jobs/sandbox.yml",
				"--from=" + NOW, "--to=" + NOW, "--spring.datasource.url=" + SandboxRun.jdbcUrl(this.dir),
				"--reports.dir=" + this.dir.resolve("reports"));
	}

}
