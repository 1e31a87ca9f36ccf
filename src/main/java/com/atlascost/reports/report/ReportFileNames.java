package com.atlascost.reports.report;

import java.util.regex.Pattern;

/**
 * The names of one report's files: {@code <jobName>_<from>_<to>.xlsx} and
 * {@code <jobName>_<from>_<to>.focus.csv}. The same range always gives the same names, so
 * a rerun replaces the previous report.
 */
record ReportFileNames(String workbook, String focusCsv) {

	// The job name becomes part of a path: anything that could leave the reports
	// directory or hide the file (a leading dot) is refused rather than rewritten.
	private static final Pattern SAFE_JOB_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

	static ReportFileNames of(ReportRequest request) {
		String jobName = request.scope().jobName();
		if (jobName == null || !SAFE_JOB_NAME.matcher(jobName).matches()) {
			throw new IllegalArgumentException(
					"job name '" + jobName + "' cannot be used in a file name: use letters, digits, '.', '_' or '-'");
		}
		String base = jobName + "_" + request.scope().from() + "_" + request.scope().to();
		return new ReportFileNames(base + ".xlsx", base + ".focus.csv");
	}

}
