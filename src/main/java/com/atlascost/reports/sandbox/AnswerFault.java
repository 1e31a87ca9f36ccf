package com.atlascost.reports.sandbox;

/** What is wrong with a finished usage query's answer ({@code sandbox.faults.answer}). */
enum AnswerFault {

	/** Nothing: the specification's answer. */
	NONE,

	/** {@code 200} with {@code {}}: no {@code usageDetails}. */
	MISSING_DETAILS,

	/** {@code 200} with the list under another name ({@code usageDetail}). */
	RENAMED_DETAILS,

	/** {@code 200} with an empty body. */
	EMPTY_BODY,

	/** The first row's amount is {@code "12,50"}. */
	UNPARSEABLE_AMOUNT,

	/** The first row's date is {@code "yesterday"}. */
	UNPARSEABLE_DATE,

	/** A row of an organization the query did not ask for is added. */
	FOREIGN_ROWS,

	/** A row dated the first day after the query's window is added. */
	OUTSIDE_WINDOW,

	/**
	 * Rows with more decimals than cents are added, copies of the first row: 3 of 0.005,
	 * one of 1.234567 and 200 of 0.004 (2.049567 in all; 1.26 when rounded row by row).
	 */
	SUB_CENT_AMOUNTS,

	/**
	 * The first row's amount is {@code 12345678901234567.89}: the database holds it, a
	 * spreadsheet cell cannot show it to the cent.
	 */
	HUGE_AMOUNT,

	/** Every name (organization, project, cluster) is 40,000 characters long. */
	LONG_NAMES

}
