package com.atlascost.reports.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.report.ReportOutputProperties;
import com.atlascost.reports.run.WritableLocation;

import org.springframework.stereotype.Component;

/**
 * The settings a run depends on, checked before anything is called or written: every
 * problem found is reported at once, naming the property and the value, and the run exits
 * {@code 2}. Values that cannot even be bound (a timeout of {@code abc}, a concurrency of
 * 0) and an H2 database directory that cannot be written fail earlier, while the
 * application starts: {@link StartupFailure} makes those exit {@code 2} as well.
 */
@Component
class SettingsPreflight {

	private final AtlasProperties atlas;

	private final ReportOutputProperties reports;

	SettingsPreflight(AtlasProperties atlas, ReportOutputProperties reports) {
		this.atlas = atlas;
		this.reports = reports;
	}

	void check() {
		List<String> problems = new ArrayList<>();
		baseUrl(this.atlas.baseUrl(), problems);
		positive("atlas.timeouts.connect", this.atlas.timeouts().connect(), problems);
		positive("atlas.timeouts.read", this.atlas.timeouts().read(), problems);
		positive("atlas.timeouts.exchange", this.atlas.timeouts().exchange(), problems);
		positive("atlas.polling.initial-interval", this.atlas.polling().initialInterval(), problems);
		positive("atlas.polling.max-interval", this.atlas.polling().maxInterval(), problems);
		positive("atlas.polling.deadline", this.atlas.polling().deadline(), problems);
		positive("atlas.retry.max-retry-after", this.atlas.retry().maxRetryAfter(), problems);
		writableDirectory("reports.dir", this.reports.dir(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void baseUrl(String value, List<String> problems) {
		String problem = null;
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				problem = "must be an absolute http or https URL, e.g. https://cloud.mongodb.com";
			}
			else if (uri.getHost() == null || uri.getHost().isBlank()) {
				problem = "has no host; use e.g. https://cloud.mongodb.com";
			}
			else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
				problem = "must be scheme, host and port only, without user, query or fragment";
			}
		}
		catch (URISyntaxException ex) {
			problem = "is not a URL (" + ex.getReason() + ")";
		}
		if (problem != null) {
			problems.add("atlas.base-url=" + value + ": " + problem);
		}
	}

	private static void positive(String property, Duration value, List<String> problems) {
		if (value.isZero() || value.isNegative()) {
			problems.add(property + "=" + value + ": must be positive");
		}
	}

	private static void writableDirectory(String property, Path path, List<String> problems) {
		WritableLocation.problem(path).ifPresent((problem) -> problems.add(property + "=" + path + ": " + problem));
	}

}
