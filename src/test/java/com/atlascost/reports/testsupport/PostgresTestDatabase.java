package com.atlascost.reports.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * Scratch databases on the PostgreSQL server at {@code 127.0.0.1:5432} (user
 * {@code postgres}, trust authentication), one per test directory, all dropped when the
 * test class is done with them.
 *
 * <p>
 * Without a reachable server the tests are skipped with the reason, except in CI
 * ({@code CI} set), where they fail: there {@code .ci/run} starts the server, and a
 * missing one must never pass as green.
 */
final class PostgresTestDatabase implements TestDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String USER = "postgres";

	private final Map<Path, String> databases = new LinkedHashMap<>();

	private @Nullable String unreachable;

	private boolean checked;

	@Override
	public String vendor() {
		return "postgresql";
	}

	@Override
	public synchronized String url(Path dir) {
		String name = this.databases.get(dir);
		if (name == null) {
			requireServer();
			name = "atlas_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			execute("CREATE DATABASE " + name);
			this.databases.put(dir, name);
		}
		return SERVER + name;
	}

	@Override
	public String username() {
		return USER;
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public synchronized void close() {
		for (String name : this.databases.values()) {
			// FORCE: a connection pool of the application under test may still hold one
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		this.databases.clear();
	}

	private void requireServer() {
		if (!this.checked) {
			this.checked = true;
			try (Connection connection = serverConnection()) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				this.unreachable = ex.getMessage();
			}
		}
		if (this.unreachable != null) {
			String reason = "PostgreSQL is not reachable at " + SERVER + " as " + USER + " (" + this.unreachable + ")";
			String ci = System.getenv("CI");
			if (ci != null && !ci.isBlank()) {
				Assertions.fail(reason + ": CI must run the PostgreSQL tests (.ci/run starts the server)");
			}
			throw new TestAbortedException(reason + ": skipping the PostgreSQL run of this test;"
					+ " start a server (pg_ctlcluster <version> main start) to run it");
		}
	}

	private void execute(String sql) {
		try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	private static Connection serverConnection() throws SQLException {
		return DriverManager.getConnection(SERVER + "postgres?connectTimeout=5", USER, "");
	}

	@Override
	public String toString() {
		return "PostgreSQL";
	}

}
