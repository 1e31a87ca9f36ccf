package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * One sheet per grouping ({@code Projects}, {@code Clusters}, {@code Services},
 * {@code Organizations}): a line per (organization, dimension value), biggest spend
 * first.
 *
 * <pre>
 * row 0   Organization | Project | Project id | 2026-09 | ... | 2026-11 (provisional) | Total
 * row 1.. label        | name    | id         | amounts ...                           | SUM(line)
 * then    Total        |         |            | SUM(month) ...                        | SUM(totals)
 * then    one blank row and the notes
 * </pre>
 *
 * Services have no id column. Usage without the dimension (org-level charges on the
 * projects sheet) is one line named "(no project)" and so on.
 */
final class GroupingSheet {

	private final WorkbookCells cells;

	GroupingSheet(WorkbookCells cells) {
		this.cells = cells;
	}

	void write(Sheet sheet, GroupingDimension dimension, ReportContents contents) {
		List<YearMonth> months = contents.months().all();
		List<GroupingLine> lines = GroupingTable.lines(dimension, contents.rowsOf(dimension.grouping()),
				contents.organizations());
		int firstMonthColumn = dimension.idHeader().isPresent() ? 3 : 2;
		int totalColumn = firstMonthColumn + months.size();

		Row header = sheet.createRow(0);
		this.cells.header(header, 0, "Organization");
		this.cells.header(header, 1, dimension.nameHeader());
		dimension.idHeader().ifPresent((idHeader) -> this.cells.header(header, 2, idHeader));
		for (int m = 0; m < months.size(); m++) {
			YearMonth month = months.get(m);
			this.cells.header(header, firstMonthColumn + m,
					month + (contents.months().isProvisional(month) ? " (provisional)" : ""));
		}
		this.cells.header(header, totalColumn, "Total");

		BigDecimal[] monthTotals = new BigDecimal[months.size()];
		Arrays.fill(monthTotals, BigDecimal.ZERO);
		BigDecimal grandTotal = BigDecimal.ZERO;
		int rowIndex = 1;
		for (GroupingLine line : lines) {
			Row row = sheet.createRow(rowIndex);
			this.cells.text(row, 0, line.organization().label());
			this.cells.text(row, 1, line.dimensionName());
			if (dimension.idHeader().isPresent()) {
				this.cells.text(row, 2, line.dimensionId());
			}
			BigDecimal lineTotal = BigDecimal.ZERO;
			for (int m = 0; m < months.size(); m++) {
				BigDecimal shown = this.cells.money(row, firstMonthColumn + m, line.amount(months.get(m)));
				lineTotal = lineTotal.add(shown);
				monthTotals[m] = monthTotals[m].add(shown);
			}
			this.cells.total(row, totalColumn, rowIndex, rowIndex, firstMonthColumn, totalColumn - 1, lineTotal);
			grandTotal = grandTotal.add(lineTotal);
			rowIndex++;
		}
		int lastLineRow = rowIndex - 1;
		Row totals = sheet.createRow(rowIndex);
		this.cells.bold(totals, 0, "Total");
		for (int m = 0; m < months.size(); m++) {
			int column = firstMonthColumn + m;
			this.cells.total(totals, column, 1, lastLineRow, column, column, monthTotals[m]);
		}
		this.cells.total(totals, totalColumn, 1, lastLineRow, totalColumn, totalColumn, grandTotal);

		rowIndex += 2;
		this.cells.text(sheet.createRow(rowIndex++), 0, "Amounts in US dollars from the '"
				+ dimension.grouping().apiName() + "' grouping; credits are negative.");
		if (!contents.months().provisional().isEmpty()) {
			this.cells.text(sheet.createRow(rowIndex), 0,
					"Months marked provisional may change until the month settles.");
		}

		sheet.createFreezePane(firstMonthColumn, 1);
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 30 * 256);
		if (dimension.idHeader().isPresent()) {
			sheet.setColumnWidth(2, 26 * 256);
		}
		for (int column = firstMonthColumn; column <= totalColumn; column++) {
			sheet.setColumnWidth(column, 14 * 256);
		}
	}

}
