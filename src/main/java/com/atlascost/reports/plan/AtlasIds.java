package com.atlascost.reports.plan;

/**
 * The shape of Atlas organization, project and cluster ids, as the API validates them.
 */
final class AtlasIds {

	static final String PATTERN = "^([a-f0-9]{24})$";

	static boolean isValid(String id) {
		return id != null && id.matches(PATTERN);
	}

	private AtlasIds() {
	}

}
