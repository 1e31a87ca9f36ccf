package com.atlascost.reports.sandbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The operations the sandbox serves with their versions and sunsets, as the published
 * specification (mongodb/openapi {@code openapi/v2.yaml}, June 2025) gives them: a
 * version the operation does not have is refused with 406 {@code INVALID_VERSION_HEADER},
 * one past its sunset (by the sandbox's clock) with 410 {@code VERSION_GONE}.
 */
enum SandboxOperation {

	CREATE_COST_EXPLORER_QUERY("createCostExplorerQueryProcess", Map.of("2023-01-01", "")),

	GET_COST_EXPLORER_QUERY("getCostExplorerQueryProcess", Map.of("2023-01-01", "")),

	LIST_ORGANIZATION_PROJECTS("listOrganizationProjects", Map.of("2023-01-01", "")),

	LIST_CLUSTERS("listClusters", Map.of("2023-01-01", "2026-11-30", "2023-02-01", "2026-03-01", "2024-08-05", "")),

	LIST_FLEX_CLUSTERS("listFlexClusters", Map.of("2024-11-13", "")),

	LIST_INVOICES("listInvoices", Map.of("2023-01-01", "")),

	GET_INVOICE("getInvoice", Map.of("2023-01-01", "")),

	LIST_PENDING_INVOICES("listPendingInvoices", Map.of("2023-01-01", "")),

	QUERY_LINE_ITEMS_FROM_SINGLE_INVOICE("queryLineItemsFromSingleInvoice", Map.of("2024-08-05", ""));

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json");

	private final String operationId;

	/** Version to its sunset date, {@code null} when none is announced. */
	private final Map<String, @Nullable LocalDate> versions = new LinkedHashMap<>();

	SandboxOperation(String operationId, Map<String, String> versionsAndSunsets) {
		this.operationId = operationId;
		versionsAndSunsets.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> this.versions.put(entry.getKey(),
					entry.getValue().isEmpty() ? null : LocalDate.parse(entry.getValue())));
	}

	String operationId() {
		return this.operationId;
	}

	/**
	 * The version a request's {@code Accept} names, or the refusal: 406 for none or one
	 * the operation does not have, 410 for one past its sunset on {@code today}.
	 */
	Checked check(@Nullable String accept, LocalDate today) {
		Matcher matcher = MEDIA_TYPE.matcher((accept != null) ? accept : "");
		String version = matcher.find() ? matcher.group(1) : null;
		if (version == null || !this.versions.containsKey(version)) {
			return Checked.refused(SandboxAnswer.error(406, "INVALID_VERSION_HEADER", "Not Acceptable",
					"Invalid version header " + accept + " for " + this.operationId
							+ ": Accept must be application/vnd.atlas.<version>+json with a version of "
							+ this.versions.keySet() + "."));
		}
		LocalDate sunset = this.versions.get(version);
		if (sunset != null && !today.isBefore(sunset)) {
			return Checked.refused(SandboxAnswer.error(410, "VERSION_GONE", "Gone", "Version " + version + " of "
					+ this.operationId + " was sunset on " + sunset + ". Use one of " + current(today) + "."));
		}
		return new Checked(version, null);
	}

	private String current(LocalDate today) {
		return this.versions.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == null || today.isBefore(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList()
			.toString();
	}

	/** The version taken, or the answer refusing it. */
	record Checked(@Nullable String version, @Nullable SandboxAnswer refusal) {

		static Checked refused(SandboxAnswer refusal) {
			return new Checked(null, refusal);
		}

		Optional<SandboxAnswer> refused() {
			return Optional.ofNullable(this.refusal);
		}

	}

}
