package com.atlascost.reports.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database the tests run against: an H2 file, or a scratch database on a PostgreSQL
 * server. Each test directory gets a database of its own, as it had its own H2 file
 * before, so tests stay as independent on PostgreSQL as on H2.
 *
 * <p>
 * Used through {@link OnEachDatabase}, which runs a test class once per database and
 * closes (drops) what it created afterwards.
 */
public interface TestDatabase extends AutoCloseable {

	/** The application's default: an H2 file under the test directory. */
	static TestDatabase h2() {
		return new H2TestDatabase();
	}

	/**
	 * Scratch databases on the PostgreSQL server at 127.0.0.1:5432, dropped on
	 * {@link #close()}.
	 */
	static TestDatabase postgres() {
		return new PostgresTestDatabase();
	}

	/** Flyway's and Spring Boot's name for the vendor: the migration folder it reads. */
	String vendor();

	/**
	 * The JDBC URL of the database that belongs to {@code dir}, created on first use.
	 * Aborts the test (skipped) or fails it, in CI, when the server is not reachable.
	 */
	String url(Path dir);

	String username();

	String password();

	default Connection connect(Path dir) throws SQLException {
		return DriverManager.getConnection(url(dir), username(), password());
	}

	/**
	 * The Spring properties that point the application at the database of {@code dir}.
	 */
	default List<String> springArguments(Path dir) {
		return List.of("--spring.datasource.url=" + url(dir), "--spring.datasource.username=" + username(),
				"--spring.datasource.password=" + password());
	}

	/** The database of {@code dir}, migrated by the application's own Flyway scripts. */
	default DataSource migrated(Path dir) {
		return migrated(dir, MigrationVersion.LATEST);
	}

	/**
	 * The database of {@code dir} as the application's migrations up to {@code target}
	 * left it: a database written by an earlier version of the application.
	 */
	default DataSource migrated(Path dir, MigrationVersion target) {
		DataSource dataSource = new DriverManagerDataSource(url(dir), username(), password());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
			.target(target)
			.load()
			.migrate();
		return dataSource;
	}

	/**
	 * Plain SQL against the database of {@code dir}, each call on a connection of its
	 * own, so that an H2 file is free again for the next child JVM.
	 */
	default Rows at(Path dir) {
		return new Rows(this, dir);
	}

	@Override
	void close();

	/** The database of one test directory, read with plain SQL. */
	record Rows(TestDatabase database, Path dir) {

		/** Each row as its columns joined by '|'. */
		public List<String> rows(String sql) throws SQLException {
			List<String> rows = new ArrayList<>();
			try (Connection connection = this.database.connect(this.dir);
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(sql)) {
				ResultSetMetaData meta = rs.getMetaData();
				while (rs.next()) {
					StringBuilder row = new StringBuilder();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						row.append((i > 1) ? "|" : "").append(rs.getString(i));
					}
					rows.add(row.toString());
				}
			}
			return rows;
		}

		public int count(String sql) throws SQLException {
			return Integer.parseInt(rows(sql).get(0));
		}

	}

}
