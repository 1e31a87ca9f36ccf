package com.atlascost.reports.report;

import java.time.YearMonth;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * What the {@code Summary} sheet's parts are written from and into.
 *
 * @param sheet the sheet
 * @param contents the rows' sums
 * @param cells the workbook's cells
 * @param messages the report's language
 * @param settings the highlights' thresholds and the chart's series
 * @param columns what the blocks under the bill table write in each column
 * @param latest the latest month with data, which those blocks look at
 */
record SummaryContext(Sheet sheet, ReportContents contents, WorkbookCells cells, ReportMessages messages,
		ReportSettings settings, SummaryColumns columns, Optional<YearMonth> latest) {

	/** What a title adds after a month that may still change, else nothing. */
	String provisionalSuffix(YearMonth month) {
		return this.contents.months().isProvisional(month) ? this.messages.get("summary.provisionalSuffix") : "";
	}

}
