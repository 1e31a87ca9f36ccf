package com.atlascost.reports.cli.progress;

import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.cli.LogProperties;
import com.atlascost.reports.usage.FetchListeners;

import org.springframework.stereotype.Component;

/**
 * Chooses how a fetch pass shows its progress ({@link ProgressProperties}): a bar when
 * asked or, by default, when the output is an interactive terminal and plain text logs
 * are on; a log line at most every interval otherwise. Progress goes to the console only,
 * never into the reports.
 */
@Component
class FetchProgress implements FetchListeners {

	private final ProgressProperties properties;

	private final LogProperties log;

	private final AtlasMetrics metrics;

	FetchProgress(ProgressProperties properties, LogProperties log, AtlasMetrics metrics) {
		this.properties = properties;
		this.log = log;
		this.metrics = metrics;
	}

	@Override
	public ProgressReporter open() {
		return new ProgressReporter(display(), this.metrics);
	}

	private ProgressDisplay display() {
		return switch (this.properties.mode()) {
			case BAR -> new TerminalProgressBar(System.out);
			case AUTO ->
				interactive() ? new TerminalProgressBar(System.out) : new ProgressLog(this.properties.interval());
			case LOG -> new ProgressLog(this.properties.interval());
		};
	}

	private boolean interactive() {
		return System.console() != null && !this.log.structured();
	}

}
