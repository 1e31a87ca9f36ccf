package com.atlascost.reports.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import com.atlascost.reports.usage.StoredUsage;

/**
 * The {@code Detail} sheets: every stored row, one per line, as an Excel table (filter
 * buttons, banded rows) under a frozen header. Columns are {@link #HEADERS}; Month is a
 * date cell shown {@code yyyy-mm}, Amount a currency cell, Provisional a word
 * ("provisional" or "final", filterable), Fetched at a UTC date-time cell.
 *
 * <p>
 * A sheet holds at most {@link ReportSettings#detailRowsPerSheet()} rows (Excel's limit
 * less the header); the rows after that continue on {@code Detail (2)} and so on, each
 * its own table. The rows stream from the store: none is kept once its line is written.
 *
 * <p>
 * The streaming sheet cannot make tables, so each table is made on the {@code XSSFSheet}
 * underneath. POI would name its columns from the header cells, which the streaming sheet
 * has already flushed to disk, so the names are set here, equal to the header cells as
 * Excel requires.
 */
final class DetailSheet implements WorkbookSheet {

	static final List<String> HEADERS = List.of("Organization", "Organization id", "Organization name (API)",
			"Grouping", "Month", "Project id", "Project name", "Cluster id", "Cluster name", "Service", "Amount (USD)",
			"Provisional", "Fetched at (UTC)");

	private static final int[] WIDTHS = { 24, 26, 28, 14, 10, 26, 28, 26, 28, 22, 14, 12, 20 };

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final ReportSettings settings;

	DetailSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.settings = settings;
	}

	@Override
	public void create(WorkbookDraft workbook) {
		workbook.writeRowsWith(new Writer(workbook, headers()));
	}

	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		for (String name : workbook.detailSheets()) {
			print.fitToWidth(workbook.sheet(name).orElseThrow(), 1);
		}
	}

	private List<String> headers() {
		return Arrays.asList(this.messages.get("detail.columns").split("\\|"));
	}

	/**
	 * Makes rows 0 (the headers) to {@code lastRow} of a sheet the table
	 * {@code UsageDetail<number>}.
	 */
	private static void table(XSSFSheet sheet, int lastRow, List<String> headers, int number) {
		AreaReference area = new AreaReference(new CellReference(0, 0), new CellReference(lastRow, headers.size() - 1),
				SpreadsheetVersion.EXCEL2007);
		XSSFTable table = sheet.createTable(area);
		String name = "UsageDetail" + number;
		table.setName(name);
		table.setDisplayName(name);
		CTTable ct = table.getCTTable();
		CTTableColumns columns = ct.getTableColumns();
		for (int column = 0; column < headers.size(); column++) {
			columns.getTableColumnArray(column).setName(headers.get(column));
		}
		ct.addNewAutoFilter().setRef(area.formatAsString());
		// Set on the table's XML rather than through XSSFTable.getStyle(), whose first
		// look-up parses every built-in table style. The XML written is the same.
		CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
		style.setName("TableStyleMedium2");
		style.setShowRowStripes(true);
		style.setShowColumnStripes(false);
		style.setShowFirstColumn(false);
		style.setShowLastColumn(false);
	}

	/** Writes the rows, one at a time, in order: the first sheet is created at once. */
	private final class Writer implements WorkbookDraft.RowWriter {

		private final WorkbookDraft workbook;

		private final List<String> headers;

		private final List<String> sheetNames = new ArrayList<>();

		private Sheet sheet;

		private int rowIndex;

		private final String provisional = DetailSheet.this.messages.get("detail.provisional");

		private final String settled = DetailSheet.this.messages.get("detail.settled");

		private Writer(WorkbookDraft workbook, List<String> headers) {
			this.workbook = workbook;
			this.headers = headers;
			this.sheet = newSheet();
		}

		private Sheet newSheet() {
			int number = this.sheetNames.size() + 1;
			String name = (number == 1) ? DetailSheet.this.messages.get("detail.sheet")
					: DetailSheet.this.messages.get("detail.sheetContinued", number);
			Sheet sheet = this.workbook.createSheet(name);
			this.sheetNames.add(name);
			Row header = sheet.createRow(0);
			for (int column = 0; column < this.headers.size(); column++) {
				DetailSheet.this.cells.header(header, column, this.headers.get(column));
				sheet.setColumnWidth(column,
						Math.max(WIDTHS[column], WorkbookCells.widthFor(0, 40, List.of(this.headers.get(column))) / 256)
								* 256);
			}
			sheet.createFreezePane(0, 1);
			this.rowIndex = 1;
			return sheet;
		}

		@Override
		public void accept(StoredUsage usage) {
			if (this.rowIndex > DetailSheet.this.settings.detailRowsPerSheet()) {
				finishSheet();
				this.sheet = newSheet();
			}
			WorkbookCells cells = DetailSheet.this.cells;
			Row row = this.sheet.createRow(this.rowIndex++);
			cells.text(row, 0, usage.organizationLabel());
			cells.text(row, 1, usage.organizationId());
			cells.text(row, 2, usage.organizationName());
			cells.text(row, 3, DetailSheet.this.messages.get("detail.grouping." + usage.groupBy().apiName()));
			cells.month(row, 4, ReportMonths.monthOf(usage));
			cells.text(row, 5, usage.projectId());
			cells.text(row, 6, usage.projectName());
			cells.text(row, 7, usage.clusterId());
			cells.text(row, 8, usage.clusterName());
			cells.text(row, 9, usage.service());
			cells.money(row, 10, usage.amount());
			cells.text(row, 11, this.workbook.provisional(usage) ? this.provisional : this.settled);
			cells.dateTime(row, 12, usage.fetchedAt());
		}

		/** Finishes the last sheet and hands the names of the detail sheets on. */
		@Override
		public void finish() {
			finishSheet();
			this.workbook.detailSheets(this.sheetNames);
		}

		/**
		 * Makes the sheet's rows a table; a sheet without rows keeps a plain header, as a
		 * table needs at least one row.
		 */
		private void finishSheet() {
			int lastRow = this.rowIndex - 1;
			if (lastRow < 1) {
				return;
			}
			table(WorkbookDraft.underneath(this.sheet), lastRow, this.headers, this.sheetNames.size());
		}

	}

}
