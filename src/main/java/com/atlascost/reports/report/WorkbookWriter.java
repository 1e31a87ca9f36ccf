package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.plan.Grouping;

/**
 * Writes the Excel workbook: {@code Summary}, one sheet per grouping in the job's order,
 * {@code Budgets} when the job has budgets, {@code Reconciliation} when the run fetched
 * invoices, {@code Tags} when the job asks for tags, {@code Detail} (continued on
 * {@code Detail (2)} ... past Excel's row limit), {@code Run info}. Sheet names and
 * labels are in the settings' language.
 *
 * <p>
 * The rows are read once: each is summed for the other sheets as the Detail sheet writes
 * it. Streaming ({@link SXSSFWorkbook}) writes each sheet's rows as they come (in memory
 * while the sheet is small, then to a temporary file: {@link ReportWorkbook}), so every
 * sheet is created first, in its place, and the sheets before Detail are filled once the
 * sums are complete. Memory stays flat however many rows there are. The temporary files
 * are removed before returning, even on failure, by {@code dispose()} rather than
 * {@code close()}, which would save the whole package a second time.
 */
class WorkbookWriter {

	private static final Logger logger = LoggerFactory.getLogger(WorkbookWriter.class);

	private final ReportSettings settings;

	WorkbookWriter(ReportSettings settings) {
		this.settings = settings;
	}

	ReportSettings settings() {
		return this.settings;
	}

	/**
	 * Writes the workbook, reading the request's rows once.
	 * @return the sums of the rows, as the sheets show them
	 * @throws IllegalArgumentException if the request cannot make a report
	 */
	ReportContents write(ReportRequest request, InvoiceReport invoices, OutputStream out) throws IOException {
		ReportMessages messages = this.settings.messages();
		ReportContents.Sums sums = new ReportContents.Sums(request, messages);
		SXSSFWorkbook workbook = new ReportWorkbook();
		try {
			WorkbookCells cells = new WorkbookCells(workbook, this.settings.locale());
			SummarySheet summary = new SummarySheet(cells, this.settings);
			Sheet summarySheet = workbook.createSheet(summary.name());
			Map<Grouping, Sheet> groupingSheets = new LinkedHashMap<>();
			for (Grouping grouping : request.scope().groupings()) {
				groupingSheets.put(grouping,
						workbook.createSheet(new GroupingDimension(grouping, messages).sheetName()));
			}
			BudgetSheet budgets = new BudgetSheet(cells, this.settings);
			Sheet budgetSheet = request.scope().budgets().isEmpty() ? null : workbook.createSheet(budgets.name());
			ReconciliationSheet reconciliation = new ReconciliationSheet(cells, this.settings);
			Sheet reconciliationSheet = invoices.fetched() ? workbook.createSheet(reconciliation.name()) : null;
			TagsSheet tags = new TagsSheet(cells, this.settings);
			Sheet tagsSheet = invoices.tagKeys().isEmpty() ? null : workbook.createSheet(tags.name());

			DetailSheet.Writer detail = new DetailSheet(cells, this.settings).writer(workbook, sums::provisional);
			request.rows().forEach((row) -> {
				sums.accept(row);
				detail.write(row);
			});
			List<String> detailSheets = detail.finish();
			// A grouping only the rows carry (never in a run, whose rows are the job's
			// groupings) gets its sheet after the job's.
			int position = 1 + groupingSheets.size();
			for (Grouping grouping : sums.groupingsOnlyRowsCarry()) {
				String name = new GroupingDimension(grouping, messages).sheetName();
				groupingSheets.put(grouping, workbook.createSheet(name));
				workbook.setSheetOrder(name, position++);
			}

			ReportContents contents = sums.contents();
			PrintLayout print = PrintLayout.of(contents, messages);
			print.onePage(summarySheet,
					summary.write(summarySheet, contents, new TrendChart(workbook.getXSSFWorkbook(), summary.name())));
			GroupingSheet groupingSheet = new GroupingSheet(cells, this.settings);
			groupingSheets.forEach((grouping, sheet) -> {
				GroupingDimension dimension = new GroupingDimension(grouping, messages);
				groupingSheet.write(sheet, dimension, contents);
				print.groupingSheet(sheet, contents.months().all().size(), dimension.idHeader().isPresent() ? 3 : 2);
			});
			if (budgetSheet != null) {
				budgets.write(budgetSheet, contents);
				print.fitToWidth(budgetSheet, BudgetSheet.HEADER_ROWS);
			}
			if (reconciliationSheet != null) {
				reconciliation.write(reconciliationSheet, invoices);
				print.fitToWidth(reconciliationSheet, 1);
			}
			if (tagsSheet != null) {
				tags.write(tagsSheet, invoices);
				print.fitToWidth(tagsSheet, 1);
			}
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
			return contents;
		}
		finally {
			disposeWithoutSaving(workbook);
		}
	}

	/**
	 * Removes the sheets' temporary files, and nothing else: {@code close()} would also
	 * save the package, created in memory, a second time into memory only to drop it (a
	 * tenth of a small report's time). Nothing else holds a file or a native resource.
	 */
	@SuppressWarnings("deprecation") // close() is the replacement, and the double save
	private static void disposeWithoutSaving(SXSSFWorkbook workbook) {
		if (!workbook.dispose()) {
			logger.warn("A temporary file of the workbook could not be deleted (POI's temporary directory)");
		}
	}

}
