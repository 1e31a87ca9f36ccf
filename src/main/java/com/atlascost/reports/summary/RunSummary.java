package com.atlascost.reports.summary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did, as ordered (what, value) entries: logged as {@code what: value} lines
 * at the end of the run and written, as two columns, on the workbook's run-info sheet.
 */
public record RunSummary(Map<String, String> entries) {

	public RunSummary {
		entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
	}

	/** This summary with the run's exit code as the last entry. */
	public RunSummary withExitCode(ExitCode exitCode) {
		Map<String, String> all = new LinkedHashMap<>(this.entries);
		all.put("Exit code", exitCode.code() + ": " + exitCode.meaning());
		return new RunSummary(all);
	}

	/**
	 * This summary as the report step knows it when the delivery step is still to come:
	 * the exit code is the report's, and the delivery can still turn it into a failure.
	 */
	public RunSummary withExitCodeBeforeDelivery(ExitCode exitCode) {
		Map<String, String> all = new LinkedHashMap<>(this.entries);
		all.put("Exit code", exitCode.code() + ": " + exitCode.meaning() + " when this report was written; the delivery"
				+ " that follows ends the run with " + ExitCode.FAILED.code() + " if it fails (see the run's log)");
		return new RunSummary(all);
	}

	public List<String> lines() {
		return this.entries.entrySet().stream().map((entry) -> entry.getKey() + ": " + entry.getValue()).toList();
	}

}
