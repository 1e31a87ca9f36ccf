package com.atlascost.reports.summary;

/** The process exit codes scripts rely on (see the README). */
public enum ExitCode {

	DONE(0, "done"),

	FAILED(1, "the job failed; run the same command again to resume it"),

	INVALID_INPUT(2, "invalid input or configuration; nothing was called or written"),

	ALREADY_RUNNING(3, "the same job is already running");

	private final int code;

	private final String meaning;

	ExitCode(int code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	public int code() {
		return this.code;
	}

	public String meaning() {
		return this.meaning;
	}

}
