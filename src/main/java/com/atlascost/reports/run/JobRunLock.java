package com.atlascost.reports.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Keeps two runs of the same job apart, across JVMs: a run holds a row lock on its job's
 * row of {@code job_run_lock} in a transaction that stays open until the run ends. Row
 * locks work alike on H2 (in server mode, {@code AUTO_SERVER=TRUE}) and PostgreSQL, and
 * the database drops them with the connection, so a killed run never leaves a stale lock
 * (a lease table would have to expire one). Spring Batch has no such guard: its "already
 * running" check trusts a status that a killed process never updates.
 */
@Component
class JobRunLock {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final SQLExceptionTranslator translator;

	JobRunLock(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
	}

	/** The lock of this job, or empty when another run holds it. */
	Optional<Held> tryAcquire(String jobName) {
		ensureRow(jobName);
		@Nullable Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT job_name FROM job_run_lock WHERE job_name = ? FOR UPDATE NOWAIT")) {
				lock.setString(1, jobName);
				lock.executeQuery().close();
			}
			return Optional.of(new Held(connection));
		}
		catch (SQLException ex) {
			release(connection);
			DataAccessException translated = this.translator.translate("lock job " + jobName, null, ex);
			if (translated instanceof PessimisticLockingFailureException) {
				return Optional.empty();
			}
			throw (translated != null) ? translated : new IllegalStateException("locking job " + jobName, ex);
		}
	}

	private void ensureRow(String jobName) {
		try {
			this.jdbc.update("INSERT INTO job_run_lock (job_name) SELECT ? WHERE NOT EXISTS"
					+ " (SELECT 1 FROM job_run_lock WHERE job_name = ?)", jobName, jobName);
		}
		catch (DataIntegrityViolationException insertedByAnotherRunMeanwhile) {
			// the row exists now, which is all that is needed
		}
	}

	private static void release(@Nullable Connection connection) {
		if (connection == null) {
			return;
		}
		try (connection) {
			connection.rollback();
		}
		catch (SQLException ex) {
			// closing drops the lock in any case
		}
	}

	/** A held lock; closing it ends the transaction and so releases the row. */
	static final class Held implements AutoCloseable {

		private final Connection connection;

		private Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			release(this.connection);
		}

	}

}
