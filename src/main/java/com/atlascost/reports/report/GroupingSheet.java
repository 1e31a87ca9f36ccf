package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

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

	private final ReportMessages messages;

	private final ReportSettings settings;

	GroupingSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.settings = settings;
	}

	void write(Sheet sheet, GroupingDimension dimension, ReportContents contents) {
		List<YearMonth> months = contents.months().all();
		List<GroupingLine> lines = contents.linesOf(dimension.grouping());
		int firstMonthColumn = dimension.idHeader().isPresent() ? 3 : 2;
		int totalColumn = firstMonthColumn + months.size();

		Row header = sheet.createRow(0);
		this.cells.header(header, 0, this.messages.get("grouping.organization"));
		this.cells.header(header, 1, dimension.nameHeader());
		dimension.idHeader().ifPresent((idHeader) -> this.cells.header(header, 2, idHeader));
		for (int m = 0; m < months.size(); m++) {
			YearMonth month = months.get(m);
			this.cells.header(header, firstMonthColumn + m, contents.months().isProvisional(month)
					? this.messages.get("grouping.monthProvisional", month.toString()) : month.toString());
		}
		this.cells.header(header, totalColumn, this.messages.get("summary.total"));

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
		this.cells.bold(totals, 0, this.messages.get("summary.total"));
		for (int m = 0; m < months.size(); m++) {
			int column = firstMonthColumn + m;
			this.cells.total(totals, column, 1, lastLineRow, column, column, monthTotals[m]);
		}
		this.cells.total(totals, totalColumn, 1, lastLineRow, totalColumn, totalColumn, grandTotal);

		if (months.size() > 1 && lastLineRow >= 1) {
			highlightJumps(sheet, new CellRangeAddress(1, lastLineRow, firstMonthColumn + 1, totalColumn - 1));
		}

		rowIndex += 2;
		this.cells.note(sheet.createRow(rowIndex++), 0,
				this.messages.get("grouping.note.currency", dimension.grouping().apiName()));
		if (!contents.months().provisional().isEmpty()) {
			this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("grouping.note.provisional"));
		}
		this.cells.note(sheet.createRow(rowIndex), 0, this.messages.get("grouping.note.jump",
				this.settings.jumpThreshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));

		sheet.createFreezePane(firstMonthColumn, 1);
		WorkbookCells.printLandscapeFitToWidth(sheet);
		List<String> organizations = new ArrayList<>(List.of(this.messages.get("grouping.organization")));
		List<String> names = new ArrayList<>(List.of(dimension.nameHeader()));
		List<String> ids = new ArrayList<>();
		dimension.idHeader().ifPresent(ids::add);
		for (GroupingLine line : lines) {
			organizations.add(line.organization().label());
			names.add(line.dimensionName());
			ids.add(line.dimensionId());
		}
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, organizations));
		sheet.setColumnWidth(1, WorkbookCells.widthFor(14, 48, names));
		if (dimension.idHeader().isPresent()) {
			sheet.setColumnWidth(2, WorkbookCells.widthFor(12, 28, ids));
		}
		for (int column = firstMonthColumn; column <= totalColumn; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(14, 26, List.of(header.getCell(column).toString())));
		}
	}

	/**
	 * Shades an amount that rose by more than the threshold over the month before (left
	 * of it); a rise from nothing is not a percentage and is left alone.
	 */
	private void highlightJumps(Sheet sheet, CellRangeAddress range) {
		String current = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn());
		String previous = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn() - 1);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule("AND(" + previous + ">0," + current
				+ ">" + previous + "*(1+" + this.settings.jumpThreshold().toPlainString() + "))");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

}
