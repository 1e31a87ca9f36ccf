package com.atlascost.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a start goes: the sandbox demo ({@code jobs/sandbox.yml --sandbox}, a new H2
 * file) run by {@link StartupProfile} in a child JVM on the launcher's extracted jar,
 * with the launcher's class-data-sharing archive, with it and the launcher's JIT option
 * (C1 only) and without either, printing the phases of the Spring start (Spring's own
 * start-up recording) and how many classes the JVM mapped from the archive or loaded from
 * the jars ({@code -Xlog:class+load}). Prints numbers; asserts only that every run
 * succeeds. Needs the packaged jar:
 *
 * <pre>
 * ./mvnw -B -DskipTests package
 * ./mvnw -B test -Dtest=StartupBenchmark -Djacoco.skip=true
 * </pre>
 */
@Tag("benchmark")
class StartupBenchmark {

	private static final Path HOME = Path.of("").toAbsolutePath();

	private static final Path CDS = HOME.resolve("target/cds");

	@TempDir
	Path dir;

	@Test
	void whereTheStartGoesWithAndWithoutTheArchive() throws Exception {
		assertThat(HOME.resolve("target/atlas-cost-reports.jar"))
			.as("build the jar first: ./mvnw -B -DskipTests package")
			.exists();
		// the launcher's first run after a build extracts the jar and records the archive
		assertThat(run(List.of("bash", HOME.resolve("bin/atlas-cost-reports").toString(), "--version"),
				this.dir.resolve("archive.log")))
			.isZero();
		System.out.println("BENCHMARK load average at the start: " + loadAverage());
		List<String> archive = List.of("-XX:SharedArchiveFile=" + CDS.resolve("application.jsa"), "-Xlog:cds=off",
				"-Xlog:cds+dynamic=off");
		profile("with the archive", archive);
		// what bin/atlas-cost-reports runs: the archive and the JIT stopped at C1
		List<String> launcher = new ArrayList<>(archive);
		launcher.add("-XX:TieredStopAtLevel=1");
		profile("with the archive and C1 only as the launcher runs", launcher);
		profile("without it", List.of());
		System.out.println("BENCHMARK load average at the end: " + loadAverage());
	}

	private void profile(String name, List<String> options) throws Exception {
		Path runDir = Files.createDirectories(this.dir.resolve(name.replace(' ', '-')));
		Path classes = runDir.resolve("classes.log");
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(options);
		command.add("-Xlog:class+load=info:file=" + classes);
		// the test classes come after the extracted jar: an archive maps a class path's
		// prefix
		command.addAll(List.of("-cp", CDS.resolve("atlas-cost-reports.jar") + ":" + HOME.resolve("target/test-classes"),
				StartupProfile.class.getName(), "--job=" + HOME.resolve("jobs/sandbox.yml"), "--sandbox"));
		Path log = runDir.resolve("run.log");
		assertThat(run(command, log)).as("%s, see %s", name, log).isZero();
		System.out.println("BENCHMARK " + name + ":");
		Files.readAllLines(log, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.startsWith("PROFILE "))
			.forEach((line) -> System.out.println("BENCHMARK " + line.substring("PROFILE ".length())));
		List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
		long mapped = loaded.stream().filter((line) -> line.contains("source: shared objects file")).count();
		long fromJars = loaded.stream().filter((line) -> line.contains("source: file:")).count();
		System.out.printf("BENCHMARK   classes: %d, mapped from the archive %d, loaded from the jars %d%n",
				loaded.size(), mapped, fromJars);
	}

	private static int run(List<String> command, Path log) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((key) -> key.startsWith("MONGODB_ATLAS_"));
		builder.environment().remove("JAVA_OPTS");
		builder.environment().put("JAVA", javaExecutable());
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("no exit within 10 minutes; see " + log);
		}
		return process.exitValue();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).trim();
	}

}
