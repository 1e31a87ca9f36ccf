package com.atlascost.reports.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.plan.InvalidInputException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings a run depends on, checked before anything is called or written: every
 * problem found is reported at once, naming the property and the value, and the run exits
 * {@code 2}. Bound values that cannot even be bound (a timeout of {@code abc}) fail
 * earlier, when Spring binds them.
 */
@Component
class SettingsPreflight {

	private final AtlasProperties atlas;

	private final Environment environment;

	SettingsPreflight(AtlasProperties atlas, Environment environment) {
		this.atlas = atlas;
		this.environment = environment;
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
		writableDirectory("reports.dir", Path.of(this.environment.getProperty("reports.dir", "reports")), problems);
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

	/**
	 * A directory the run can write into, or one it can create: an existing path must be
	 * a writable directory (not a file, not a dangling link); a missing one needs a
	 * writable directory above it. Nothing is created here.
	 */
	static void writableDirectory(String property, Path path, List<String> problems) {
		@Nullable String problem = null;
		if (Files.isSymbolicLink(path) && !Files.exists(path)) {
			problem = "is a link to nothing (" + target(path) + ")";
		}
		else if (Files.exists(path)) {
			if (!Files.isDirectory(path)) {
				problem = "is not a directory";
			}
			else if (!Files.isWritable(path)) {
				problem = "is a directory this user cannot write to";
			}
		}
		else {
			Path parent = path.toAbsolutePath().getParent();
			while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
				parent = parent.getParent();
			}
			if (parent == null || !Files.isDirectory(parent)) {
				problem = "cannot be created: " + parent + " is not a directory";
			}
			else if (!Files.isWritable(parent)) {
				problem = "cannot be created: this user cannot write to " + parent;
			}
		}
		if (problem != null) {
			problems.add(property + "=" + path + ": " + problem);
		}
	}

	private static String target(Path link) {
		try {
			return String.valueOf(Files.readSymbolicLink(link));
		}
		catch (IOException ex) {
			return "unreadable";
		}
	}

}
