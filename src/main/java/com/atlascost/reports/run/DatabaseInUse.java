package com.atlascost.reports.run;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.summary.ExitCode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The overlap guard of the embedded H2 file across JVMs: H2 lets one process open the
 * file, so a second run in another JVM cannot even start; that is the same job (or
 * another one on the same file) already running, exit 3, and nothing was touched. Within
 * one process, and on PostgreSQL, the {@link JobRunLock} decides instead. (H2's
 * {@code AUTO_SERVER} mode would let both JVMs in, but the JVM that opened the file first
 * serves it to the others and takes it away when it exits, killing their runs.)
 */
public final class DatabaseInUse extends AbstractFailureAnalyzer<SQLException> {

	/** H2's {@code DATABASE_ALREADY_OPEN_1}: "Database may be already in use". */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	/**
	 * Whether the application failed to start because another process holds the H2 file.
	 */
	public static boolean isCauseOf(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		if (!isCauseOf(rootFailure)) {
			return null;
		}
		return new FailureAnalysis(
				"Not started: the H2 database file is in use by another process, most likely a run that is still"
						+ " going (exit code " + ExitCode.ALREADY_RUNNING.code() + ").",
				"Wait for the other run to end (see cron/README.md for how to check), or use PostgreSQL to run"
						+ " different jobs at the same time.",
				cause);
	}

}
