package com.atlascost.reports.sandbox;

/** A random fault of {@link SandboxSettings.Faults} drawn for one call. */
enum SandboxFault {

	NONE("none"), SERVER_ERROR("500"), UNAVAILABLE("503"), DROPPED("dropped"), TRUNCATED("truncated"), SLOW("slow");

	private final String label;

	SandboxFault(String label) {
		this.label = label;
	}

	/** The name the counters keep it under. */
	String label() {
		return this.label;
	}

}
