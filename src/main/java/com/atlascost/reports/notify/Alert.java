package com.atlascost.reports.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One alert: of one kind, for one organization and month, about one or more items.
 *
 * @param kind what it says
 * @param organizationId the organization's Atlas id
 * @param organizationLabel its label in the job file
 * @param month the month it is about
 * @param provisional whether that month's amounts may still change
 * @param items what is over, at least one
 */
record Alert(AlertKind kind, String organizationId, String organizationLabel, YearMonth month, boolean provisional,
		List<AlertItem> items) {

	Alert {
		items = List.copyOf(items);
	}

	/** Sent once per job, organization, month and kind. */
	String notice() {
		return this.kind.id() + " " + this.organizationId + " " + this.month;
	}

	/**
	 * What makes it a new alert: which items are over, not by how much, so an open month
	 * whose spend grows every night does not alert every night.
	 */
	String fingerprint() {
		return sha256(this.kind.id() + "|" + this.organizationId + "|" + this.month + "|"
				+ this.items.stream()
					.map((item) -> item.subject() + "/" + item.id())
					.sorted()
					.collect(Collectors.joining("|")));
	}

	/** "Budget exceeded: Acme Production (5f0c...) in 2026-03". */
	String title() {
		return this.kind.title() + ": " + this.organizationLabel + " (" + this.organizationId + ") in " + this.month
				+ (this.provisional ? " (provisional)" : "");
	}

	/** The title, then one line per item. */
	String text() {
		return title() + "\n" + this.items.stream().map((item) -> "- " + item.text()).collect(Collectors.joining("\n"));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
