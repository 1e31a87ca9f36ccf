package com.atlascost.reports.usage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

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
		DataSource dataSource = new DriverManagerDataSource(url(dir), username(), password());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
			.load()
			.migrate();
		return dataSource;
	}

	@Override
	void close();

}
