package com.atlascost.reports.report;

/**
 * One kind of sheet of the workbook, made for one workbook; {@link WorkbookWriter} lists
 * them in the workbook's order. The streaming workbook orders its sheets as they are
 * created and the Detail sheets are created as the rows are read, so the sheets before
 * them are created first and filled once the rows' sums are complete.
 */
interface WorkbookSheet {

	/**
	 * Creates this kind's sheets before the rows are read, none when the run has nothing
	 * for it. A sheet after the Detail sheets creates its own when it is written.
	 */
	default void create(WorkbookDraft workbook) {
	}

	/** Fills this kind's sheets from the rows' sums and sets how they print. */
	void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print);

}
