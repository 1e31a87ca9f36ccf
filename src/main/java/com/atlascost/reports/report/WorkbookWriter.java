package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.atlascost.reports.plan.Grouping;

/**
 * Writes the Excel workbook: {@code Summary}, one sheet per grouping in the job's order,
 * {@code Detail}, {@code Run info}.
 *
 * <p>
 * Streaming ({@link SXSSFWorkbook}) keeps memory flat however many detail rows there are.
 * Its row-window temp files are removed before returning, even on failure: since POI 5,
 * {@code close()} disposes them (calling {@code dispose()} as well would only log
 * warnings).
 */
class WorkbookWriter {

	void write(ReportContents contents, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
			workbook.setCompressTempFiles(true);
			WorkbookCells cells = new WorkbookCells(workbook);
			new SummarySheet(cells).write(workbook.createSheet(SummarySheet.NAME), contents);
			GroupingSheet groupingSheet = new GroupingSheet(cells);
			for (Grouping grouping : contents.groupings()) {
				GroupingDimension dimension = new GroupingDimension(grouping);
				groupingSheet.write(workbook.createSheet(dimension.sheetName()), dimension, contents);
			}
			new DetailSheet(cells).write(workbook.createSheet(DetailSheet.NAME), contents);
			new RunInfoSheet(cells).write(workbook.createSheet(RunInfoSheet.NAME), contents);
			// Totals carry their values, but Excel should still recalculate them on open.
			workbook.setForceFormulaRecalculation(true);
			workbook.write(out);
		}
	}

}
