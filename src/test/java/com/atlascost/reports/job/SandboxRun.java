package com.atlascost.reports.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.atlascost.reports.AtlasCostReportsApplication;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxCounters;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application as the command line does, in this JVM, against a real H2 file and
 * a reports directory under {@code dir}, and keeps what a test reads afterwards.
 */
record SandboxRun(int exitCode, SandboxCounters counters, AtlasSandbox sandbox) {

	static SandboxRun of(Path dir, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		for (String fallback : List.of("--spring.datasource.url=" + jdbcUrl(dir),
				"--reports.dir=" + dir.resolve("reports"), "--sandbox.processing-delay=30ms")) {
			String option = fallback.substring(0, fallback.indexOf('=') + 1);
			if (all.stream().noneMatch((arg) -> arg.startsWith(option))) {
				all.add(fallback);
			}
		}
		ConfigurableApplicationContext context = SpringApplication.run(AtlasCostReportsApplication.class,
				all.toArray(String[]::new));
		AtlasSandbox sandbox = context.getBeanProvider(AtlasSandbox.class).getIfAvailable();
		int exitCode = SpringApplication.exit(context);
		return new SandboxRun(exitCode, (sandbox != null) ? sandbox.counters() : null, sandbox);
	}

	static Path database(Path dir) {
		return dir.resolve("data").resolve("atlas-cost-reports");
	}

	static String jdbcUrl(Path dir) {
		return "jdbc:h2:file:" + database(dir) + ";WRITE_DELAY=0";
	}

}
