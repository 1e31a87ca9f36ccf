package com.atlascost.reports.usage;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A name as Atlas sent it, made to fit its column: control characters (a NUL, an escape)
 * become {@code U+FFFD}, and a name longer than the column keeps its beginning and ends
 * with {@link #MARKER}, so that a 40,000-character project name never fails a run and the
 * report shows it was cut.
 */
final class StoredName {

	/** {@code organization_name}, {@code project_name}, {@code cluster_name}. */
	static final int NAME_COLUMN = 255;

	/** {@code service}. */
	static final int SERVICE_COLUMN = 100;

	static final String MARKER = "…[truncated]";

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private StoredName() {
	}

	static @Nullable String fit(@Nullable String name, int column) {
		if (name == null) {
			return null;
		}
		String clean = CONTROL.matcher(name).replaceAll("\uFFFD");
		if (clean.length() <= column) {
			return clean;
		}
		int keep = column - MARKER.length();
		// never split a surrogate pair
		if (Character.isHighSurrogate(clean.charAt(keep - 1))) {
			keep--;
		}
		return clean.substring(0, keep) + MARKER;
	}

}
