package com.atlascost.reports.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import com.atlascost.reports.usage.StoredUsage;

/**
 * The {@code Detail} sheet: every stored row, one per line, under a frozen, filterable
 * header. Columns are {@link #HEADERS}; Month is a date cell shown {@code yyyy-mm},
 * Amount a currency cell, Provisional a boolean cell, Fetched at a UTC date-time cell.
 */
final class DetailSheet {

	static final String NAME = "Detail";

	static final List<String> HEADERS = List.of("Organization", "Organization id", "Organization name (API)",
			"Grouping", "Month", "Project id", "Project name", "Cluster id", "Cluster name", "Service", "Amount (USD)",
			"Provisional", "Fetched at (UTC)");

	private static final int[] WIDTHS = { 24, 26, 28, 14, 10, 26, 28, 26, 28, 22, 14, 12, 20 };

	private final WorkbookCells cells;

	DetailSheet(WorkbookCells cells) {
		this.cells = cells;
	}

	void write(Sheet sheet, ReportContents contents) {
		Row header = sheet.createRow(0);
		for (int column = 0; column < HEADERS.size(); column++) {
			this.cells.header(header, column, HEADERS.get(column));
			sheet.setColumnWidth(column, WIDTHS[column] * 256);
		}
		int rowIndex = 1;
		for (StoredUsage usage : contents.rows()) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, usage.organizationLabel());
			this.cells.text(row, 1, usage.organizationId());
			this.cells.text(row, 2, usage.organizationName());
			this.cells.text(row, 3, usage.groupBy().apiName());
			this.cells.month(row, 4, ReportMonths.monthOf(usage));
			this.cells.text(row, 5, usage.projectId());
			this.cells.text(row, 6, usage.projectName());
			this.cells.text(row, 7, usage.clusterId());
			this.cells.text(row, 8, usage.clusterName());
			this.cells.text(row, 9, usage.service());
			this.cells.money(row, 10, usage.amount());
			this.cells.bool(row, 11, contents.months().isProvisional(usage));
			this.cells.dateTime(row, 12, usage.fetchedAt());
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, HEADERS.size() - 1));
	}

}
