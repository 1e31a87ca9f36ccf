package com.atlascost.reports.cli.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar redrawn in place on a terminal:
 * {@code Fetching [########------------]  8/24 queries, 4 in flight, 0 retries, ETA 0:12}.
 * Each frame clears the line and returns the cursor to its start, so a log line written
 * between frames (a warning) overwrites the bar instead of being glued to it, and the
 * next frame appears below it.
 */
class TerminalProgressBar implements ProgressDisplay {

	private static final int WIDTH = 24;

	private static final String CLEAR_LINE = "\033[2K\r";

	private final PrintStream out;

	TerminalProgressBar(PrintStream out) {
		this.out = out;
	}

	@Override
	public Duration interval() {
		return Duration.ofMillis(200);
	}

	@Override
	public void show(ProgressSnapshot progress) {
		this.out.print(CLEAR_LINE + frame(progress) + "\r");
		this.out.flush();
	}

	@Override
	public void finish(ProgressSnapshot progress) {
		this.out.print(CLEAR_LINE);
		this.out
			.println(frame(progress).replace(", ETA 0:00", "") + " in " + ProgressSnapshot.clock(progress.elapsed()));
		this.out.flush();
	}

	static String frame(ProgressSnapshot progress) {
		int filled = (progress.total() > 0) ? WIDTH * progress.finished() / progress.total() : WIDTH;
		return "Fetching [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + progress.describe();
	}

}
