package com.atlascost.reports.report;

/**
 * A block of the {@code Summary} sheet under the bill table: it writes itself from a row
 * and says where the next block starts. {@link SummarySheet} lists them top to bottom.
 */
interface SummaryBlock {

	/**
	 * @param row the block's first row
	 * @return the row the next block starts at: this one when the run has nothing for it
	 */
	int write(SummaryContext summary, int row);

}
