package com.atlascost.reports.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, as ordered entries: logged as {@code what: value} lines at the end of
 * the run and written, in the workbook's language, on its run-info sheet.
 */
public record RunSummary(List<RunSummaryEntry> entries) {

	public RunSummary {
		entries = List.copyOf(entries);
	}

	/** This summary with the run's exit code as the last entry. */
	public RunSummary withExitCode(ExitCode exitCode) {
		return with(RunSummaryEntry.of(RunSummaryItem.EXIT_CODE, (long) exitCode.code(), exitCode.meaning()));
	}

	/**
	 * This summary as the report step knows it when the delivery step is still to come:
	 * the exit code is the report's, and the delivery can still turn it into a failure.
	 */
	public RunSummary withExitCodeBeforeDelivery(ExitCode exitCode) {
		return with(RunSummaryEntry.of(RunSummaryItem.EXIT_CODE_BEFORE_DELIVERY, (long) exitCode.code(),
				exitCode.meaning(), (long) ExitCode.FAILED.code()));
	}

	private RunSummary with(RunSummaryEntry entry) {
		List<RunSummaryEntry> all = new ArrayList<>(this.entries);
		all.add(entry);
		return new RunSummary(all);
	}

	public List<String> lines() {
		return this.entries.stream().map((entry) -> entry.label() + ": " + entry.value()).toList();
	}

}
