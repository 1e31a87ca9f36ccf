package com.atlascost.reports.atlas;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Text from Atlas (error codes and details, names, ids) made safe for a log line or an
 * exception message: control characters and the bidirectional overrides and isolates
 * (U+202E reverses what follows it on the screen) are removed, so a server cannot forge
 * or hide a line.
 */
public final class AtlasText {

	private static final Pattern UNSAFE = Pattern
		.compile("[\\x{0000}-\\x{001F}\\x{007F}-\\x{009F}\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

	private static final int SHOWN_LENGTH = 80;

	private AtlasText() {
	}

	/** The text without control and bidirectional-control characters. */
	public static String clean(String text) {
		return UNSAFE.matcher(text).replaceAll("");
	}

	/** A value from outside, cleaned, cut short and quoted, for a message. */
	public static String quoted(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		String shown = (value.length() > SHOWN_LENGTH)
				? value.substring(0, SHOWN_LENGTH) + "... (" + value.length() + " characters)" : value;
		return "'" + clean(shown) + "'";
	}

}
