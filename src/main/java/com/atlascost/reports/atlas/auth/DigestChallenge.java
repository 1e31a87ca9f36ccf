package com.atlascost.reports.atlas.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The parameters of a {@code WWW-Authenticate: Digest ...} header. */
record DigestChallenge(String realm, String nonce, @Nullable String opaque, @Nullable String qop, String algorithm,
		boolean stale) {

	private static final Pattern PARAMETER = Pattern
		.compile("(\\w+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

	static Optional<DigestChallenge> parse(String header) {
		if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
			return Optional.empty();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAMETER.matcher(header.substring(7));
		while (matcher.find()) {
			String value = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
			parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
		}
		if (!parameters.containsKey("nonce")) {
			return Optional.empty();
		}
		return Optional.of(new DigestChallenge(parameters.getOrDefault("realm", ""), parameters.get("nonce"),
				parameters.get("opaque"), parameters.get("qop"), parameters.getOrDefault("algorithm", "MD5"),
				"true".equalsIgnoreCase(parameters.get("stale"))));
	}

}
