package com.atlascost.reports.cli.progress;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress for logs (cron, a pipe, {@code --log.format=json}): one line per interval, and
 * only when something changed since the last one.
 */
class ProgressLog implements ProgressDisplay {

	private static final Logger logger = LoggerFactory.getLogger(ProgressLog.class);

	private final Duration interval;

	private String last = "";

	ProgressLog(Duration interval) {
		this.interval = interval;
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public synchronized void show(ProgressSnapshot progress) {
		String counts = progress.finished() + "/" + progress.inFlight() + "/" + progress.retries();
		if (!counts.equals(this.last)) {
			this.last = counts;
			logger.info("Progress: {}", progress.describe());
		}
	}

	@Override
	public void finish(ProgressSnapshot progress) {
		logger.info("Fetched {}/{} queries ({} failed) in {}", progress.finished(), progress.total(), progress.failed(),
				ProgressSnapshot.clock(progress.elapsed()));
	}

}
