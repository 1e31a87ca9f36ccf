package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
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
 * The {@code Summary}'s bill table at the top of the sheet: a row per month, a column per
 * organization, each month's total and its change against the month before.
 */
final class BillTable {

	private final SummaryContext summary;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final List<ReportOrganization> organizations;

	private final int totalColumn;

	private final int changeColumn;

	private final int percentColumn;

	private final int provisionalColumn;

	BillTable(SummaryContext summary) {
		this.summary = summary;
		this.cells = summary.cells();
		this.messages = summary.messages();
		this.organizations = summary.contents().organizations();
		this.totalColumn = 1 + this.organizations.size();
		this.changeColumn = this.totalColumn + 1;
		this.percentColumn = this.totalColumn + 2;
		this.provisionalColumn = this.totalColumn + 3;
	}

	/** The table's last column, which marks the provisional months. */
	int lastColumn() {
		return this.provisionalColumn;
	}

	/**
	 * The table's width in characters: its organization columns and a fixed 70 for the
	 * month, total and change columns.
	 */
	int width() {
		int organizationsWidth = 0;
		for (ReportOrganization organization : this.organizations) {
			organizationsWidth += columnWidth(organization);
		}
		return 70 + organizationsWidth / 256;
	}

	/**
	 * Writes the table and sets its columns' widths.
	 * @return the row after its totals
	 */
	int write() {
		Sheet sheet = this.summary.sheet();
		Row labels = sheet.createRow(0);
		Row ids = sheet.createRow(1);
		this.cells.header(labels, 0, this.messages.get("summary.month"));
		this.cells.header(ids, 0, this.messages.get("summary.organizationId"));
		for (int i = 0; i < this.organizations.size(); i++) {
			this.cells.header(labels, 1 + i, this.organizations.get(i).label());
			this.cells.header(ids, 1 + i, this.organizations.get(i).id());
		}
		this.cells.header(labels, this.totalColumn, this.messages.get("summary.total"));
		this.cells.header(labels, this.changeColumn, this.messages.get("summary.change"));
		this.cells.header(labels, this.percentColumn, this.messages.get("summary.changePercent"));
		this.cells.header(labels, this.provisionalColumn, this.messages.get("summary.provisional"));
		int totalsRow = months(sheet);
		highlightJumps(sheet, new CellRangeAddress(SummarySheet.FIRST_MONTH_ROW, totalsRow - 1, this.percentColumn,
				this.percentColumn));
		columnWidths(sheet, labels);
		return totalsRow + 1;
	}

	/**
	 * A row per month, then the totals.
	 * @return the totals' row
	 */
	private int months(Sheet sheet) {
		ReportContents contents = this.summary.contents();
		BigDecimal[] columnTotals = new BigDecimal[this.organizations.size()];
		Arrays.fill(columnTotals, BigDecimal.ZERO);
		BigDecimal grandTotal = BigDecimal.ZERO;
		BigDecimal previousTotal = null;
		int rowIndex = SummarySheet.FIRST_MONTH_ROW;
		for (YearMonth month : contents.months().all()) {
			Row row = sheet.createRow(rowIndex);
			boolean provisional = contents.months().isProvisional(month);
			if (provisional) {
				this.cells.provisionalMonth(row, 0, month);
			}
			else {
				this.cells.month(row, 0, month);
			}
			BigDecimal rowTotal = BigDecimal.ZERO;
			for (int i = 0; i < this.organizations.size(); i++) {
				BigDecimal shown = this.cells.money(row, 1 + i, contents.bill(this.organizations.get(i).id(), month));
				rowTotal = rowTotal.add(shown);
				columnTotals[i] = columnTotals[i].add(shown);
			}
			this.cells.total(row, this.totalColumn, rowIndex, rowIndex, 1, this.totalColumn - 1, rowTotal);
			// the open month is a few days' bill: a change against a whole month says
			// nothing (its forecast, right under the table, does)
			if (previousTotal != null && !contents.openMonth().filter(month::equals).isPresent()) {
				change(row, rowIndex, rowTotal, previousTotal);
			}
			grandTotal = grandTotal.add(rowTotal);
			previousTotal = rowTotal;
			if (provisional) {
				this.cells.text(row, this.provisionalColumn, this.messages.get("summary.provisionalMark"));
			}
			rowIndex++;
		}
		int lastMonthRow = rowIndex - 1;
		Row totals = sheet.createRow(rowIndex);
		this.cells.bold(totals, 0, this.messages.get("summary.total"));
		for (int i = 0; i < this.organizations.size(); i++) {
			this.cells.total(totals, 1 + i, SummarySheet.FIRST_MONTH_ROW, lastMonthRow, 1 + i, 1 + i, columnTotals[i]);
		}
		this.cells.total(totals, this.totalColumn, SummarySheet.FIRST_MONTH_ROW, lastMonthRow, this.totalColumn,
				this.totalColumn, grandTotal);
		return rowIndex;
	}

	/** A month's change against the month before, in dollars and as a share. */
	private void change(Row row, int rowIndex, BigDecimal total, BigDecimal previousTotal) {
		String current = WorkbookCells.ref(rowIndex, this.totalColumn);
		String previous = WorkbookCells.ref(rowIndex - 1, this.totalColumn);
		this.cells.moneyFormula(row, this.changeColumn, current + "-" + previous, total.subtract(previousTotal));
		if (previousTotal.signum() != 0) {
			this.cells.percentFormula(row, this.percentColumn, current + "/" + previous + "-1",
					total.doubleValue() / previousTotal.doubleValue() - 1);
		}
	}

	/**
	 * Shades a month whose total rose by more than the threshold and by more than the
	 * minimum amount over the month before: a large share of a small bill is not news.
	 */
	private void highlightJumps(Sheet sheet, CellRangeAddress range) {
		ReportSettings settings = this.summary.settings();
		String percent = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn());
		String change = WorkbookCells.ref(range.getFirstRow(), this.changeColumn);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting
			.createConditionalFormattingRule("AND(" + percent + ">" + settings.jumpThreshold().toPlainString() + ","
					+ change + ">" + settings.jumpMinAmount().toPlainString() + ")");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

	/** Sets the columns' widths from their content. */
	private void columnWidths(Sheet sheet, Row labels) {
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, List.of(this.messages.get("summary.month"),
				this.messages.get("summary.organizationId"), this.messages.get("summary.movers.organization"))));
		for (int i = 0; i < this.organizations.size(); i++) {
			sheet.setColumnWidth(1 + i, columnWidth(this.organizations.get(i)));
		}
		for (int column = this.totalColumn; column <= this.provisionalColumn; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(14, 24, List.of(labels.getCell(column).toString())));
		}
	}

	private static int columnWidth(ReportOrganization organization) {
		return WorkbookCells.widthFor(16, 34, Arrays.asList(organization.label(), organization.id()));
	}

}
