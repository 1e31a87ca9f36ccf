package com.atlascost.reports.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.atlascost.reports.AtlasCostReportsApplication;
import com.atlascost.reports.sandbox.AtlasSandbox;

/**
 * The application in a JVM of its own, as
 * {@code java -cp ... AtlasCostReportsApplication} runs it, against a sandbox started by
 * the test (so that the test counts its calls across processes): the credentials go in
 * through the environment, as in production. Its output goes to {@code log}, which the
 * test reads.
 */
record ChildJvm(Process process, Path log) {

	static ChildJvm start(AtlasSandbox sandbox, Path log, String... args) throws IOException {
		// A process started in the background by a non-interactive shell (a CI runner,
		// nohup
		// ... &) inherits SIGINT ignored, and a JVM then never sees Ctrl-C: give the
		// child the
		// default disposition, as a terminal would (GNU env's --default-signal).
		List<String> command = new ArrayList<>(
				List.of("env", "--default-signal=INT", javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), AtlasCostReportsApplication.class.getName()));
		command.add("--atlas.base-url=" + sandbox.baseUrl());
		// the per-query "usage rows stored" lines mark kill points; they are debug-level
		command.add("--logging.level.com.atlascost.reports.usage.UsageFetcher=DEBUG");
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MONGODB_ATLAS_"));
		builder.environment().put("MONGODB_ATLAS_CLIENT_ID", sandbox.serviceAccount().clientId());
		builder.environment().put("MONGODB_ATLAS_CLIENT_SECRET", sandbox.serviceAccount().clientSecret());
		return new ChildJvm(builder.start(), log);
	}

	int awaitExit() throws Exception {
		if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("the child JVM did not finish in time; its log:\n" + output());
		}
		return this.process.exitValue();
	}

	/**
	 * Waits up to 90 s for a line of the child's log; kills the child if it never comes.
	 */
	void awaitLine(String text) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (output().contains(text)) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("the child ended before logging '" + text + "':\n" + output());
			}
			Thread.sleep(20);
		}
		kill();
		throw new AssertionError("no '" + text + "' in time:\n" + output());
	}

	/** {@code kill -9}: no shutdown hook, no finally block, no chance to tidy up. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	String output() throws IOException {
		return Files.exists(this.log) ? Files.readString(this.log) : "";
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString()
				+ (File.separatorChar == '\\' ? ".exe" : "");
	}

}
