package com.atlascost.reports.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.atlascost.reports.AtlasCostReportsApplication;
import com.atlascost.reports.cli.StartupFailure;
import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxCounters;
import com.atlascost.reports.summary.ExitCode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application as the command line does, in this JVM, against a real database (an
 * H2 file unless told otherwise) and a reports directory under {@code dir}, and keeps
 * what a test reads afterwards. A start that fails on settings that cannot be bound gives
 * the exit code the command line gives (no sandbox, no counters: nothing ran).
 */
public record SandboxRun(int exitCode, SandboxCounters counters, AtlasSandbox sandbox) {

	public static SandboxRun of(Path dir, String... args) {
		return of(TestDatabase.h2(), dir, args);
	}

	public static SandboxRun of(TestDatabase database, Path dir, String... args) {
		return withDatabaseArguments(database.springArguments(dir), dir, args);
	}

	/**
	 * Runs with these datasource arguments only: none leaves the database to the
	 * application's configuration and {@code args} (a profile, say).
	 */
	public static SandboxRun withDatabaseArguments(List<String> databaseArguments, Path dir, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		List<String> fallbacks = new ArrayList<>(databaseArguments);
		fallbacks.add("--reports.dir=" + dir.resolve("reports"));
		fallbacks.add("--sandbox.processing-delay=30ms");
		for (String fallback : fallbacks) {
			String option = fallback.substring(0, fallback.indexOf('=') + 1);
			if (all.stream().noneMatch((arg) -> arg.startsWith(option))) {
				all.add(fallback);
			}
		}
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(AtlasCostReportsApplication.class, all.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			// as the command line's main method: settings that cannot be bound exit 2
			Optional<ExitCode> exitCode = StartupFailure.exitCode(ex);
			if (exitCode.isEmpty()) {
				throw ex;
			}
			return new SandboxRun(exitCode.get().code(), null, null);
		}
		AtlasSandbox sandbox = context.getBeanProvider(AtlasSandbox.class).getIfAvailable();
		int exitCode = SpringApplication.exit(context);
		return new SandboxRun(exitCode, (sandbox != null) ? sandbox.counters() : null, sandbox);
	}

	public static Path database(Path dir) {
		return dir.resolve("data").resolve("atlas-cost-reports");
	}

	/**
	 * The H2 file of {@code dir}; tests on each database use {@link TestDatabase#url}.
	 */
	public static String jdbcUrl(Path dir) {
		return TestDatabase.h2().url(dir);
	}

	/**
	 * The first column of every row this SQL finds in the H2 database of a run's
	 * directory.
	 */
	public static List<String> column(Path dir, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl(dir), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
