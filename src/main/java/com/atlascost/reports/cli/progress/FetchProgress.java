package com.atlascost.reports.cli.progress;

import java.time.Duration;
import java.util.Locale;

import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.cli.OperatorEnvironment;
import com.atlascost.reports.usage.FetchListeners;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Chooses how a fetch pass shows its progress, from {@code --progress}: {@code auto} (the
 * default) draws a bar when the output is an interactive terminal and plain text logs are
 * on, and writes a log line every {@code --progress.interval} (default 5s) otherwise;
 * {@code bar} and {@code log} force one. Progress goes to the console only, never into
 * the reports.
 */
@Component
class FetchProgress implements FetchListeners {

	private final Environment environment;

	private final AtlasMetrics metrics;

	FetchProgress(Environment environment, AtlasMetrics metrics) {
		this.environment = environment;
		this.metrics = metrics;
	}

	@Override
	public ProgressReporter open() {
		return new ProgressReporter(display(), this.metrics);
	}

	private ProgressDisplay display() {
		Duration interval = this.environment.getProperty("progress.interval", Duration.class, Duration.ofSeconds(5));
		return switch (mode()) {
			case "bar" -> new TerminalProgressBar(System.out);
			case "auto" -> interactive() ? new TerminalProgressBar(System.out) : new ProgressLog(interval);
			default -> new ProgressLog(interval);
		};
	}

	private String mode() {
		return this.environment.getProperty("progress", "auto").toLowerCase(Locale.ROOT);
	}

	private boolean interactive() {
		return System.console() != null && !OperatorEnvironment.structuredLogs(this.environment);
	}

}
