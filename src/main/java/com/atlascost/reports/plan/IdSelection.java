package com.atlascost.reports.plan;

import java.util.List;

/**
 * A filter dimension of one organization: not given, {@code all} (to be discovered or
 * expanded when a grouping needs values), or an explicit list.
 */
public record IdSelection(Kind kind, List<String> values) {

	public enum Kind {

		NOT_GIVEN, ALL, LISTED

	}

	public IdSelection {
		values = List.copyOf(values);
	}

	public static IdSelection notGiven() {
		return new IdSelection(Kind.NOT_GIVEN, List.of());
	}

	public static IdSelection all() {
		return new IdSelection(Kind.ALL, List.of());
	}

	public static IdSelection listed(List<String> values) {
		return new IdSelection(Kind.LISTED, values);
	}

	/** The values to send as a filter on every query of the organization. */
	public List<String> filterValues() {
		return this.values;
	}

}
