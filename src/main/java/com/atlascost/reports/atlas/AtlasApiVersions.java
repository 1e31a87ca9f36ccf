package com.atlascost.reports.atlas;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one table of API versions: operation to the version its {@code Accept} (and a
 * POST's {@code Content-Type}) names. Defaults come from the published specification
 * ({@link AtlasApiCall}); {@code atlas.api-versions.<operationId>} overrides one
 * operation, and the deprecated {@code atlas.api-version} still sets the Cost Explorer's
 * two operations (and nothing else: no single version serves every call).
 */
public final class AtlasApiVersions {

	static final String PROPERTY_PREFIX = "atlas.api-versions.";

	static final String DEPRECATED_PROPERTY = "atlas.api-version";

	private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final Map<AtlasApiCall, String> versions;

	private final @Nullable String deprecationWarning;

	private AtlasApiVersions(Map<AtlasApiCall, String> versions, @Nullable String deprecationWarning) {
		this.versions = Collections.unmodifiableMap(versions);
		this.deprecationWarning = deprecationWarning;
	}

	/**
	 * @param deprecatedApiVersion {@code atlas.api-version}, when set
	 * @param overrides {@code atlas.api-versions.*}, keyed by operation id (case and
	 * dashes do not matter, so environment variables bind too)
	 * @throws IllegalArgumentException naming the property, for an unknown operation or a
	 * value that is not a {@code YYYY-MM-DD} version
	 */
	static AtlasApiVersions of(@Nullable String deprecatedApiVersion, Map<String, String> overrides) {
		Map<AtlasApiCall, String> versions = new EnumMap<>(AtlasApiCall.class);
		for (AtlasApiCall call : AtlasApiCall.values()) {
			if (call.defaultVersion() != null) {
				versions.put(call, call.defaultVersion());
			}
		}
		String warning = null;
		if (deprecatedApiVersion != null && !deprecatedApiVersion.isBlank()) {
			checkVersion(DEPRECATED_PROPERTY, deprecatedApiVersion);
			versions.put(AtlasApiCall.CREATE_USAGE_QUERY, deprecatedApiVersion);
			versions.put(AtlasApiCall.POLL_USAGE, deprecatedApiVersion);
			warning = DEPRECATED_PROPERTY + " is deprecated and sets the Cost Explorer operations only ("
					+ AtlasApiCall.CREATE_USAGE_QUERY.operationId() + ", " + AtlasApiCall.POLL_USAGE.operationId()
					+ "); use " + PROPERTY_PREFIX + "<operationId> per operation";
		}
		overrides.forEach((key, version) -> {
			AtlasApiCall call = byOperation(key).orElseThrow(() -> new IllegalArgumentException(PROPERTY_PREFIX + key
					+ ": no such operation; known: " + String.join(", ", operationIds(versions))));
			checkVersion(PROPERTY_PREFIX + key, version);
			versions.put(call, version);
		});
		return new AtlasApiVersions(versions, warning);
	}

	/** The version this call sends. */
	public String version(AtlasApiCall call) {
		String version = this.versions.get(call);
		if (version == null) {
			throw new IllegalArgumentException(call + " is outside the versioned API");
		}
		return version;
	}

	/** {@code application/vnd.atlas.<version>+json} of this call. */
	String mediaType(AtlasApiCall call) {
		return "application/vnd.atlas." + version(call) + "+json";
	}

	/** The property that changes this call's version. */
	static String property(AtlasApiCall call) {
		return PROPERTY_PREFIX + call.operationId();
	}

	/** Operation id to version, in the order of {@link AtlasApiCall}. */
	Map<String, String> byOperationId() {
		Map<String, String> table = new LinkedHashMap<>();
		this.versions.forEach((call, version) -> table.put(String.valueOf(call.operationId()), version));
		return table;
	}

	/**
	 * A 406 (a version the operation does not have) or 410 (a version past its sunset):
	 * no retry can help, the configuration must change, so the message says which.
	 */
	AtlasApiException refused(AtlasApiException refused) {
		AtlasApiCall call = refused.call();
		String why = (refused.status() == 410) ? "which is past its sunset date" : "which the operation does not have";
		String detail = call.operationId() + " was sent API version " + version(call) + ", " + why + ": set "
				+ property(call) + " to a version the operation has"
				+ ((refused.detail() != null) ? " (Atlas: " + refused.detail() + ")" : "");
		return new AtlasApiException(refused.status(), refused.errorCode(), detail, refused.orgId(), call, null);
	}

	/** Why {@code atlas.api-version} should go, when it is set. */
	Optional<String> deprecationWarning() {
		return Optional.ofNullable(this.deprecationWarning);
	}

	private static Optional<AtlasApiCall> byOperation(String key) {
		String wanted = normalized(key);
		for (AtlasApiCall call : AtlasApiCall.values()) {
			if (call.operationId() != null && normalized(call.operationId()).equals(wanted)) {
				return Optional.of(call);
			}
		}
		return Optional.empty();
	}

	private static String normalized(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static String[] operationIds(Map<AtlasApiCall, String> versions) {
		return versions.keySet().stream().map((call) -> String.valueOf(call.operationId())).toArray(String[]::new);
	}

	private static void checkVersion(String property, String version) {
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException(
					property + ": '" + version + "' is not an API version (YYYY-MM-DD, as in 2024-08-05)");
		}
	}

	@Override
	public String toString() {
		return byOperationId().toString();
	}

}
