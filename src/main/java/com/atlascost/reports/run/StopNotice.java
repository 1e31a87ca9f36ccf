package com.atlascost.reports.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when a run is stopped by a signal. SIGTERM ({@code kill}, a scheduler's
 * timeout) and SIGINT (Ctrl-C) end the JVM through its shutdown hooks with exit code 143
 * and 130; the run's execution stays marked running in the job repository and the next
 * launch of the job recovers it ({@link CostReportLauncher}: marked FAILED, then
 * resumed), so the same command resumes it without fetching again what was stored. The
 * hook only logs: the database is being closed by Spring's own hook at the same moment.
 */
final class StopNotice implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StopNotice.class);

	private final Thread hook;

	private StopNotice(String run) {
		this.hook = new Thread(() -> logger.warn("Stopped by a signal (SIGTERM exits 143, Ctrl-C 130) during {}:"
				+ " what was stored is kept and the execution is left for recovery; run the same command again"
				+ " to resume it", run), "stop-notice");
	}

	/** Logs a line if the JVM is stopped until this is closed. */
	static StopNotice during(String run) {
		StopNotice notice = new StopNotice(run);
		Runtime.getRuntime().addShutdownHook(notice.hook);
		return notice;
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs
		}
	}

}
