package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.atlascost.reports.plan.Grouping;

/**
 * Writes the Excel workbook: {@code Summary}, one sheet per grouping in the job's order,
 * {@code Budgets} when the job has budgets, {@code Reconciliation} when the run fetched
 * invoices, {@code Tags} when the job asks for tags, {@code Detail} (continued on
 * {@code Detail (2)} ... past Excel's row limit), {@code Run info}. Sheet names and
 * labels are in the settings' language.
 *
 * <p>
 * Streaming ({@link SXSSFWorkbook}) keeps memory flat however many detail rows there are.
 * Its row-window temp files are removed before returning, even on failure: since POI 5,
 * {@code close()} disposes them (calling {@code dispose()} as well would only log
 * warnings).
 */
class WorkbookWriter {

	private final ReportSettings settings;

	WorkbookWriter() {
		this(ReportSettings.defaults());
	}

	WorkbookWriter(ReportSettings settings) {
		this.settings = settings;
	}

	ReportSettings settings() {
		return this.settings;
	}

	void write(ReportContents contents, OutputStream out) throws IOException {
		write(contents, InvoiceReport.none(), out);
	}

	void write(ReportContents contents, InvoiceReport invoices, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
			workbook.setCompressTempFiles(true);
			WorkbookCells cells = new WorkbookCells(workbook);
			ReportMessages messages = this.settings.messages();
			SummarySheet summary = new SummarySheet(cells, this.settings);
			Sheet summarySheet = workbook.createSheet(summary.name());
			summary.write(summarySheet, contents, new TrendChart(workbook, summary.name()));
			GroupingSheet groupingSheet = new GroupingSheet(cells, this.settings);
			for (Grouping grouping : contents.groupings()) {
				GroupingDimension dimension = new GroupingDimension(grouping, messages);
				groupingSheet.write(workbook.createSheet(dimension.sheetName()), dimension, contents);
			}
			if (!contents.request().budgets().isEmpty()) {
				BudgetSheet budgets = new BudgetSheet(cells, this.settings);
				budgets.write(workbook.createSheet(budgets.name()), contents);
			}
			if (invoices.fetched()) {
				ReconciliationSheet reconciliation = new ReconciliationSheet(cells, this.settings);
				reconciliation.write(workbook.createSheet(reconciliation.name()), invoices);
			}
			if (!invoices.tagKeys().isEmpty()) {
				TagsSheet tags = new TagsSheet(cells, this.settings);
				tags.write(workbook.createSheet(tags.name()), invoices);
			}
			List<String> detailSheets = new DetailSheet(cells, this.settings).write(workbook, contents);
			RunInfoSheet runInfo = new RunInfoSheet(cells, this.settings);
			runInfo.write(workbook.createSheet(runInfo.name()), contents, detailSheets,
					this.settings.detailRowsPerSheet());
			workbook.setActiveSheet(0);
			// Totals carry their values, but Excel should still recalculate them on open.
			workbook.setForceFormulaRecalculation(true);
			workbook.write(out);
		}
	}

}
