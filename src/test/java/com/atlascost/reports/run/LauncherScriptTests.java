package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/atlas-cost-reports}, run by bash. A fake {@code java} (a script that records
 * how it was called, and makes what the real one would: the extracted jar, the archive)
 * stands in for the JVM, so that the launcher's own behaviour is tested: the archive made
 * once per build, arguments and exit codes passed through, {@code off} running the jar as
 * it is. The speed itself is measured, not tested (see the README).
 */
class LauncherScriptTests {

	private static final Path LAUNCHER = Path.of("bin/atlas-cost-reports");

	@TempDir
	Path dir;

	private Path jar;

	private Path calls;

	private Path fakeJava;

	@BeforeEach
	void fakeJavaAndJar() throws IOException {
		this.jar = Files
			.writeString(Files.createDirectories(this.dir.resolve("target")).resolve("atlas-cost-reports.jar"), "jar");
		this.calls = this.dir.resolve("calls");
		this.fakeJava = this.dir.resolve("java");
		Files.writeString(this.fakeJava, """
				#!/usr/bin/env bash
				echo "$*" >> "%s"
				for arg in "$@"; do
				  case "$arg" in
				    -XX:ArchiveClassesAtExit=*) touch "${arg#-XX:ArchiveClassesAtExit=}" ;;
				  esac
				done
				if [ "$1" = "-Djarmode=tools" ]; then
				  mkdir -p "$6" && echo extracted > "$6/atlas-cost-reports.jar"
				fi
				case " $* " in *" --fail "*) exit 3 ;; esac
				exit 0
				""".formatted(this.calls));
		Files.setPosixFilePermissions(this.fakeJava, PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void theFirstRunMakesTheArchiveAndEveryRunUsesItWithTheArgumentsAsGiven() throws Exception {
		assertThat(launch(Map.of(), "--job=jobs/a b.yml", "--from=2026-01")).isZero();
		List<String> first = calls();
		Path cds = this.dir.resolve("target").resolve("cds");
		assertThat(first).hasSize(3);
		assertThat(first.get(0)).isEqualTo("-Djarmode=tools -jar " + this.jar + " extract --destination " + cds);
		assertThat(first.get(1)).as("a whole run of a job against the sandbox, not only a start")
			.startsWith("-XX:ArchiveClassesAtExit=" + cds.resolve("application.jsa"))
			.contains("--job=training.yml", "--sandbox", "--spring.datasource.url=jdbc:h2:mem:", "--reports.dir=")
			.doesNotContain("spring.context.exit");
		assertThat(first.get(2)).startsWith("-XX:SharedArchiveFile=" + cds.resolve("application.jsa"))
			.endsWith("-jar " + cds.resolve("atlas-cost-reports.jar") + " --job=jobs/a b.yml --from=2026-01");

		assertThat(launch(Map.of(), "--fail")).as("the job's exit code, passed through").isEqualTo(3);
		assertThat(calls()).as("no second archive for the same build").hasSize(4);
		assertThat(calls().get(3)).startsWith("-XX:SharedArchiveFile=");

		Thread.sleep(1100);
		Files.writeString(this.jar, "a new build");
		assertThat(launch(Map.of())).isZero();
		assertThat(calls()).as("a new build: extracted and trained again").hasSize(7);
	}

	@Test
	void offRunsTheJarAsItIsAndAMissingJarIsNamed() throws Exception {
		assertThat(launch(Map.of("ATLAS_COST_REPORTS_CDS", "off", "JAVA_OPTS", "-Xmx256m"), "--help")).isZero();
		assertThat(calls()).containsExactly("-Xmx256m -jar " + this.jar + " --help");
		Files.delete(this.jar);
		assertThat(launch(Map.of(), "--help")).isEqualTo(2);
	}

	private int launch(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("out").toFile());
		builder.environment().put("ATLAS_COST_REPORTS_JAR", this.jar.toString());
		builder.environment().put("JAVA", this.fakeJava.toString());
		builder.environment().remove("JAVA_OPTS");
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private List<String> calls() throws IOException {
		return Files.exists(this.calls) ? Files.readAllLines(this.calls, StandardCharsets.UTF_8) : List.of();
	}

}
