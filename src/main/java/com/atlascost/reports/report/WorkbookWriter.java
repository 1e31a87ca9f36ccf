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
			ReportMessages messages = this.settings.messages();
			WorkbookCells cells = new WorkbookCells(workbook, this.settings.locale());
			PrintLayout print = PrintLayout.of(contents, messages);
			SummarySheet summary = new SummarySheet(cells, this.settings);
			Sheet summarySheet = workbook.createSheet(summary.name());
			print.onePage(summarySheet,
					summary.write(summarySheet, contents, new TrendChart(workbook, summary.name())));
			GroupingSheet groupingSheet = new GroupingSheet(cells, this.settings);
			for (Grouping grouping : contents.groupings()) {
				GroupingDimension dimension = new GroupingDimension(grouping, messages);
				Sheet sheet = workbook.createSheet(dimension.sheetName());
				groupingSheet.write(sheet, dimension, contents);
				print.groupingSheet(sheet, contents.months().all().size(), dimension.idHeader().isPresent() ? 3 : 2);
			}
			if (!contents.request().budgets().isEmpty()) {
				BudgetSheet budgets = new BudgetSheet(cells, this.settings);
				Sheet sheet = workbook.createSheet(budgets.name());
				budgets.write(sheet, contents);
				print.fitToWidth(sheet, BudgetSheet.HEADER_ROWS);
			}
			if (invoices.fetched()) {
				ReconciliationSheet reconciliation = new ReconciliationSheet(cells, this.settings);
				Sheet sheet = workbook.createSheet(reconciliation.name());
				reconciliation.write(sheet, invoices);
				print.fitToWidth(sheet, 1);
			}
			if (!invoices.tagKeys().isEmpty()) {
				TagsSheet tags = new TagsSheet(cells, this.settings);
				Sheet sheet = workbook.createSheet(tags.name());
				tags.write(sheet, invoices);
				print.fitToWidth(sheet, 1);
			}
			List<String> detailSheets = new DetailSheet(cells, this.settings).write(workbook, contents);
			for (String name : detailSheets) {
				print.fitToWidth(workbook.getSheet(name), 1);
			}
			RunInfoSheet runInfo = new RunInfoSheet(cells, this.settings);
			Sheet runInfoSheet = workbook.createSheet(runInfo.name());
			runInfo.write(runInfoSheet, contents, detailSheets, this.settings.detailRowsPerSheet());
			print.fitToWidth(runInfoSheet, 0);
			workbook.setActiveSheet(0);
			// Totals carry their values, but Excel should still recalculate them on open.
			workbook.setForceFormulaRecalculation(true);
			workbook.write(out);
		}
	}

}
