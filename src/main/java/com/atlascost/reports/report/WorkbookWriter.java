package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.atlascost.reports.plan.Grouping;

/**
 * Writes the Excel workbook: {@code Summary}, one sheet per grouping in the job's order,
 * {@code Detail}, {@code Run info}.
 *
 * <p>Streaming ({@link SXSSFWorkbook}) keeps memory flat however many detail rows there are;
 * its row-window temp files are removed before returning, even on failure.
 */
class WorkbookWriter {

	void write(ReportContents contents, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook();
		workbook.setCompressTempFiles(true);
		try (workbook) {
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
		finally {
			workbook.dispose();
		}
	}

}
