package com.atlascost.reports.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.AtlasCostReportsApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help}, {@code --version} and a malformed command line are answered before
 * Spring starts: here in a JVM of their own, as an operator runs them, in the directory
 * of a fresh checkout (nothing may be created in it).
 */
class ImmediateAnswerTests {

	@TempDir
	Path dir;

	@Test
	void helpNamesEveryOptionWithoutStartingTheApplication() throws Exception {
		Answer help = answer("--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--job=FILE", "--from=YYYY-MM", "--to=YYYY-MM", "--run-date=YYYY-MM-DD",
				"--refresh", "--plan", "--history", "--limit=N", "--restart-last-failed", "--no-delivery",
				"--report.locale=en|ja", "--version", "--log.format=text|json", "--progress=", "Exit codes:",
				"2  invalid input or configuration");
		assertThat(help.out()).as("no Spring start: no banner, no log line")
			.doesNotContain(":: Spring Boot ::", " INFO ", "Started");
		assertThat(help.err()).isEmpty();
		try (var files = Files.list(this.dir)) {
			assertThat(files).as("no database, no reports").isEmpty();
		}
	}

	@Test
	void versionIsAnsweredAtOnce() throws Exception {
		Answer version = answer("--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).startsWith("atlas-cost-reports ");
	}

	@Test
	void aMalformedCommandLineIsInvalidInputNamingEveryMistake() throws Exception {
		Answer bad = answer("--job=jobs/sandbox.yml", "--from=2026-3", "--frm=2026-01");
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.err()).contains("Invalid input: --frm: unknown option (see --help)")
			.contains("Exit code 2: invalid input or configuration; nothing was called or written")
			.as("the month is checked once the options are known")
			.doesNotContain("--from=2026-3");
		Answer month = answer("--job=jobs/sandbox.yml", "--from=2026-3");
		assertThat(month.exitCode()).isEqualTo(2);
		assertThat(month.err()).contains("Invalid input: --from=2026-3: not a month; use YYYY-MM, e.g. 2026-03");
		assertThat(answer("--to=2026-03").err()).contains("Invalid input: --job is required");
	}

	@Test
	void inProcessTheAnswersAreTheSame() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(ImmediateAnswer.of(new String[] { "--help" }, stdout, stderr)).hasValue(0);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(HelpText.TEXT);
		out.reset();
		assertThat(ImmediateAnswer.of(new String[] { "--version" }, stdout, stderr)).hasValue(0);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("atlas-cost-reports (development build: not run from the jar)" + System.lineSeparator());
		assertThat(ImmediateAnswer.of(new String[] { "--job=j.yml", "--limit=x", "--bogus" }, stdout, stderr))
			.hasValue(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid input: --bogus: unknown option (see --help)")
			.contains("Exit code 2: invalid input or configuration");
	}

	@Test
	void aWellFormedRunIsLeftToTheApplication() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		OptionalInt answered = ImmediateAnswer.of(new String[] { "--job=jobs/sandbox.yml", "--sandbox" },
				new PrintStream(out), new PrintStream(out));
		assertThat(answered).isEmpty();
		assertThat(out.size()).isZero();
	}

	/** Runs the application's main class in a JVM of its own. */
	private Answer answer(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), AtlasCostReportsApplication.class.getName()));
		command.addAll(List.of(args));
		Path out = this.dir.resolveSibling(this.dir.getFileName() + ".out");
		Path err = this.dir.resolveSibling(this.dir.getFileName() + ".err");
		Process process = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		Answer answer = new Answer(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return answer;
	}

	private record Answer(int exitCode, String out, String err) {
	}

}
