package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Excel workbook: {@code Summary}, one sheet per grouping in the job's order,
 * {@code Budgets} when the job has budgets, {@code Reconciliation} when the run fetched
 * invoices, {@code Tags} when the job asks for tags, {@code Detail} (continued on
 * {@code Detail (2)} ... past Excel's row limit), {@code Run info}. Sheet names and
 * labels are in the settings' language.
 *
 * <p>
 * The rows are read once: each is summed for the other sheets as the Detail sheet writes
 * it, so memory stays flat however many rows there are. The streaming workbook
 * ({@link ReportWorkbook}) removes its temporary files before returning, even on failure.
 */
class WorkbookWriter {

	/** The workbook's sheets, in order; {@link PoiWarmUp} writes the same. */
	private static final List<BiFunction<WorkbookCells, ReportSettings, WorkbookSheet>> SHEETS = List.of(
			SummarySheet::new, GroupingSheet::new, BudgetSheet::new, ReconciliationSheet::new, TagsSheet::new,
			DetailSheet::new, RunInfoSheet::new);

	private static final Logger logger = LoggerFactory.getLogger(WorkbookWriter.class);

	private final ReportSettings settings;

	WorkbookWriter(ReportSettings settings) {
		this.settings = settings;
	}

	/**
	 * Writes the workbook, reading the request's rows once.
	 * @return the sums of the rows, as the sheets show them
	 * @throws IllegalArgumentException if the request cannot make a report
	 */
	ReportContents write(ReportRequest request, InvoiceReport invoices, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new ReportWorkbook();
		try {
			ReportContents contents = writeSheets(workbook, request, invoices);
			workbook.write(out);
			return contents;
		}
		finally {
			disposeWithoutSaving(workbook);
		}
	}

	/**
	 * Writes every sheet into a workbook, the streaming one or the warm-up's in memory.
	 * @return the sums of the rows, as the sheets show them
	 */
	ReportContents writeSheets(Workbook workbook, ReportRequest request, InvoiceReport invoices) {
		ReportContents.Sums sums = new ReportContents.Sums(request, this.settings.messages());
		WorkbookCells cells = new WorkbookCells(workbook, this.settings.locale());
		List<WorkbookSheet> sheets = SHEETS.stream().map((sheet) -> sheet.apply(cells, this.settings)).toList();
		WorkbookDraft draft = new WorkbookDraft(workbook, request, invoices, sums);
		sheets.forEach((sheet) -> sheet.create(draft));
		ReportContents contents = draft.readRows();
		PrintLayout print = PrintLayout.of(contents, this.settings.messages());
		sheets.forEach((sheet) -> sheet.write(draft, contents, print));
		workbook.setActiveSheet(0);
		// Totals carry their values, but Excel should still recalculate them on open.
		workbook.setForceFormulaRecalculation(true);
		return contents;
	}

	/**
	 * Removes the sheets' temporary files, and nothing else: {@code close()} would also
	 * save the package a second time, only to drop it.
	 */
	@SuppressWarnings("deprecation") // close() is the replacement, and the double save
	private static void disposeWithoutSaving(SXSSFWorkbook workbook) {
		if (!workbook.dispose()) {
			logger.warn("A temporary file of the workbook could not be deleted (POI's temporary directory)");
		}
	}

}
