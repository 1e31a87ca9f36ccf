package com.atlascost.reports.cli.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a fetch pass stands.
 *
 * @param total queries this pass fetches
 * @param done queries stored so far
 * @param failed queries failed so far
 * @param inFlight queries started and not yet finished
 * @param retries retries of transient API failures so far
 * @param elapsed time since the pass started
 */
record ProgressSnapshot(int total, int done, int failed, int inFlight, long retries, Duration elapsed) {

	int finished() {
		return this.done + this.failed;
	}

	/**
	 * Time left at the pace so far; unknown until a query finished.
	 */
	Optional<Duration> eta() {
		if (finished() == 0) {
			return Optional.empty();
		}
		long perQueryNanos = this.elapsed.toNanos() / finished();
		return Optional.of(Duration.ofNanos(perQueryNanos * (this.total - finished())));
	}

	/** {@code 12/24 queries, 4 in flight, 1 failed, 2 retries, ETA 0:14}. */
	String describe() {
		StringBuilder text = new StringBuilder().append(finished())
			.append('/')
			.append(this.total)
			.append(" queries, ")
			.append(this.inFlight)
			.append(" in flight, ");
		if (this.failed > 0) {
			text.append(this.failed).append(" failed, ");
		}
		return text.append(this.retries)
			.append(" retries, ETA ")
			.append(eta().map(ProgressSnapshot::clock).orElse("?"))
			.toString();
	}

	static String clock(Duration duration) {
		long seconds = (duration.toMillis() + 999) / 1000;
		return (seconds >= 3600) ? String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60)
				: String.format("%d:%02d", seconds / 60, seconds % 60);
	}

}
