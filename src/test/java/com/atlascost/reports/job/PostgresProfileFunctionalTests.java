package com.atlascost.reports.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

/**
 * The documented way to run on PostgreSQL: the {@code postgres} profile with libpq's
 * variables (here as properties; in production from the environment), nothing else.
 */
class PostgresProfileFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void thePostgresProfileStoresEverythingOnTheServerNamedByThePgVariables() throws SQLException {
		try (TestDatabase postgres = TestDatabase.postgres()) {
			String url = postgres.url(this.dir);
			String database = url.substring(url.lastIndexOf('/') + 1);
			SandboxRun run = SandboxRun.withDatabaseArguments(List.of(), this.dir, "--spring.profiles.active=postgres",
					"--PGHOST=127.0.0.1", "--PGPORT=5432", "--PGDATABASE=" + database, "--PGUSER=postgres",
					"--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW, "--to=" + NOW);
			assertThat(run.exitCode()).isZero();
			try (Connection connection = postgres.connect(this.dir)) {
				assertThat(count(connection, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'"))
					.isEqualTo(1);
				assertThat(count(connection, "SELECT COUNT(*) FROM cost_query WHERE state = 'DONE'")).isEqualTo(4);
				assertThat(count(connection, "SELECT COUNT(*) FROM monthly_cost_by_service")).isPositive();
			}
		}
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
