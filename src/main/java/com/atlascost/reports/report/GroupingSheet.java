package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.summary.Cents;

/**
 * One sheet per grouping ({@code Projects}, {@code Clusters}, {@code Services},
 * {@code Organizations}): a line per (organization, dimension value), the organizations
 * one after the other, each one's biggest spend first, under filter buttons; then the
 * subtotal of each organization against its complete bill.
 *
 * <pre>
 * row 0   Organization | Project | Project id | 2026-09 | ... | 2026-11 (provisional) | Total     | Share of the org's bill
 * row 1.. label        | name    | id         | amounts ...                           | SUM(line) | =total/org's bill
 * then    Total        |         |            | SUM(month) ...                        | SUM(totals)
 * then    one blank row, the subtotals by organization:
 *         label        | Subtotal|            | SUM(org's lines) ...                  | SUM(row)  | Bill (complete) | =subtotal/bill
 * then    one blank row and the notes
 * </pre>
 *
 * Services have no id column. Usage without the dimension (org-level charges on the
 * projects sheet) is one line named "(no project)" and so on. The subtotals sit below the
 * table rather than between its lines, so sorting and filtering the table never mixes
 * them into the lines.
 */
final class GroupingSheet implements WorkbookSheet {

	/** The widest a name column gets, in characters; a longer name wraps. */
	private static final int NAME_WIDTH = 48;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final ReportSettings settings;

	/** The sheets in the workbook's order. */
	private final Map<Grouping, Sheet> sheets = new LinkedHashMap<>();

	GroupingSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.settings = settings;
	}

	@Override
	public void create(WorkbookDraft workbook) {
		for (Grouping grouping : workbook.request().scope().groupings()) {
			this.sheets.put(grouping, workbook.createSheet(new GroupingDimension(grouping, this.messages).sheetName()));
		}
	}

	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		// A grouping only the rows carry (never in a run, whose rows are the job's
		// groupings) gets its sheet after the job's.
		List<Sheet> jobSheets = new ArrayList<>(this.sheets.values());
		Sheet previous = jobSheets.get(jobSheets.size() - 1);
		for (Grouping grouping : workbook.groupingsOnlyRowsCarry()) {
			previous = workbook.createSheetAfter(previous, new GroupingDimension(grouping, this.messages).sheetName());
			this.sheets.put(grouping, previous);
		}
		this.sheets.forEach((grouping, sheet) -> {
			GroupingDimension dimension = new GroupingDimension(grouping, this.messages);
			write(sheet, dimension, contents);
			print.groupingSheet(sheet, contents.months().all().size(), dimension.idHeader().isPresent() ? 3 : 2);
		});
	}

	private void write(Sheet sheet, GroupingDimension dimension, ReportContents contents) {
		List<ReportOrganization> organizations = contents.organizations();
		List<GroupingLine> lines = new ArrayList<>(contents.linesOf(dimension.grouping()));
		// stable: within an organization, the biggest spend stays first
		lines.sort(Comparator.comparingInt((GroupingLine line) -> organizations.indexOf(line.organization())));
		// the block of subtotals: its rows are known before the lines refer to them
		List<ReportOrganization> withLines = organizations.stream()
			.filter((org) -> lines.stream().anyMatch((line) -> line.organization().equals(org)))
			.toList();
		Layout layout = new Layout(contents.months().all(), dimension.idHeader().isPresent() ? 3 : 2,
				1 + lines.size() + 3, withLines);

		List<String> monthHeaders = header(sheet.createRow(0), dimension, contents, layout);
		int lastLineRow = lines(sheet, dimension, contents, lines, layout);
		if (lastLineRow >= 1) {
			sheet.setAutoFilter(new CellRangeAddress(0, lastLineRow, 0, layout.shareColumn()));
		}
		if (layout.months().size() > 1 && lastLineRow >= 1) {
			highlightJumps(sheet,
					new CellRangeAddress(1, lastLineRow, layout.firstMonthColumn() + 1, layout.totalColumn() - 1));
		}
		int rowIndex = subtotals(sheet, contents, lines, layout);
		notes(sheet, rowIndex + 1, dimension, contents);
		sheet.createFreezePane(layout.firstMonthColumn(), 1);
		columnWidths(sheet, dimension, lines, monthHeaders, layout);
	}

	/**
	 * The header row: the names, the months, the total and the share.
	 * @return the months' headers
	 */
	private List<String> header(Row header, GroupingDimension dimension, ReportContents contents, Layout layout) {
		this.cells.header(header, 0, this.messages.get("grouping.organization"));
		this.cells.header(header, 1, dimension.nameHeader());
		dimension.idHeader().ifPresent((idHeader) -> this.cells.header(header, 2, idHeader));
		List<String> monthHeaders = new ArrayList<>();
		for (int m = 0; m < layout.months().size(); m++) {
			YearMonth month = layout.months().get(m);
			String label = contents.months().isProvisional(month)
					? this.messages.get("grouping.monthProvisional", month.toString()) : month.toString();
			monthHeaders.add(label);
			this.cells.monthHeader(header, layout.firstMonthColumn() + m, label);
		}
		this.cells.header(header, layout.totalColumn(), this.messages.get("summary.total"));
		this.cells.header(header, layout.shareColumn(), this.messages.get("grouping.share"));
		return monthHeaders;
	}

	/**
	 * A row per line, each with its share of its organization's bill, then the totals.
	 * @return the last line's row
	 */
	private int lines(Sheet sheet, GroupingDimension dimension, ReportContents contents, List<GroupingLine> lines,
			Layout layout) {
		List<YearMonth> months = layout.months();
		int firstMonthColumn = layout.firstMonthColumn();
		int totalColumn = layout.totalColumn();
		BigDecimal[] monthTotals = new BigDecimal[months.size()];
		Arrays.fill(monthTotals, BigDecimal.ZERO);
		BigDecimal grandTotal = BigDecimal.ZERO;
		int rowIndex = 1;
		for (GroupingLine line : lines) {
			Row row = sheet.createRow(rowIndex);
			name(row, 0, line.organization().label());
			name(row, 1, line.dimensionName());
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
			BigDecimal bill = billOf(contents, line.organization(), months);
			if (bill.signum() != 0) {
				int billRow = layout.subtotalHeaderRow() + 1 + layout.withLines().indexOf(line.organization());
				this.cells.percentFormula(row, layout.shareColumn(),
						WorkbookCells.ref(rowIndex, totalColumn) + "/"
								+ new CellReference(billRow, layout.billColumn(), true, true).formatAsString(),
						lineTotal.doubleValue() / bill.doubleValue());
			}
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
		return lastLineRow;
	}

	private void notes(Sheet sheet, int firstRow, GroupingDimension dimension, ReportContents contents) {
		int rowIndex = firstRow;
		this.cells.note(sheet.createRow(rowIndex++), 0,
				this.messages.get("grouping.note.currency", dimension.sheetName()));
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("grouping.note.share"));
		if (!contents.months().provisional().isEmpty()) {
			this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("grouping.note.provisional"));
		}
		this.cells.note(sheet.createRow(rowIndex), 0,
				this.messages.get("grouping.note.jump", this.settings.jumpPercent(), this.settings.jumpAmount()));
	}

	private void columnWidths(Sheet sheet, GroupingDimension dimension, List<GroupingLine> lines,
			List<String> monthHeaders, Layout layout) {
		List<String> organizationNames = new ArrayList<>(List.of(this.messages.get("grouping.organization")));
		List<String> names = new ArrayList<>(List.of(dimension.nameHeader()));
		List<String> ids = new ArrayList<>();
		dimension.idHeader().ifPresent(ids::add);
		for (GroupingLine line : lines) {
			organizationNames.add(line.organization().label());
			names.add(line.dimensionName());
			ids.add(line.dimensionId());
		}
		ColumnWidths widths = ColumnWidths.of(sheet);
		widths.set(0, WorkbookCells.widthFor(14, 40, organizationNames));
		widths.set(1, WorkbookCells.widthFor(14, NAME_WIDTH, names));
		if (dimension.idHeader().isPresent()) {
			widths.set(2, WorkbookCells.widthFor(12, 28, ids));
		}
		for (int m = 0; m < monthHeaders.size(); m++) {
			widths.set(layout.firstMonthColumn() + m, WorkbookCells.widthFor(12, 30, List.of(monthHeaders.get(m))));
		}
		widths.set(layout.totalColumn(), WorkbookCells.widthFor(14, 20, List.of(this.messages.get("summary.total"))));
		widths.set(layout.shareColumn(), WorkbookCells.widthFor(12, 18, List.of(this.messages.get("grouping.bill"))));
	}

	/**
	 * Each organization's subtotal of this grouping beside its complete bill: how much of
	 * the bill the grouping breaks down.
	 * @return the row after the block
	 */
	private int subtotals(Sheet sheet, ReportContents contents, List<GroupingLine> lines, Layout layout) {
		List<YearMonth> months = layout.months();
		int firstMonthColumn = layout.firstMonthColumn();
		int totalColumn = layout.totalColumn();
		int billColumn = layout.billColumn();
		int headerRow = layout.subtotalHeaderRow();
		this.cells.title(sheet.createRow(headerRow - 1), 0, this.messages.get("grouping.subtotals.title"));
		Row header = sheet.createRow(headerRow);
		this.cells.header(header, 0, this.messages.get("grouping.organization"));
		for (int m = 0; m < months.size(); m++) {
			this.cells.monthHeader(header, firstMonthColumn + m, months.get(m).toString());
		}
		this.cells.header(header, totalColumn, this.messages.get("grouping.subtotal"));
		this.cells.header(header, billColumn, this.messages.get("grouping.bill"));
		this.cells.header(header, billColumn + 1, this.messages.get("grouping.billShare"));
		int rowIndex = headerRow + 1;
		for (ReportOrganization organization : layout.withLines()) {
			int first = 1 + lines.indexOf(lines.stream()
				.filter((line) -> line.organization().equals(organization))
				.findFirst()
				.orElseThrow());
			int last = first + (int) lines.stream().filter((line) -> line.organization().equals(organization)).count()
					- 1;
			Row row = sheet.createRow(rowIndex);
			name(row, 0, organization.label());
			BigDecimal subtotal = BigDecimal.ZERO;
			for (int m = 0; m < months.size(); m++) {
				int column = firstMonthColumn + m;
				BigDecimal sum = BigDecimal.ZERO;
				for (int r = first; r <= last; r++) {
					sum = sum.add(Cents.round(lines.get(r - 1).amount(months.get(m))));
				}
				this.cells.total(row, column, first, last, column, column, sum);
				subtotal = subtotal.add(sum);
			}
			this.cells.total(row, totalColumn, rowIndex, rowIndex, firstMonthColumn, totalColumn - 1, subtotal);
			BigDecimal bill = this.cells.money(row, billColumn, billOf(contents, organization, months));
			if (bill.signum() != 0) {
				this.cells.percentFormula(row, billColumn + 1,
						WorkbookCells.ref(rowIndex, totalColumn) + "/" + WorkbookCells.ref(rowIndex, billColumn),
						subtotal.doubleValue() / bill.doubleValue());
			}
			rowIndex++;
		}
		return rowIndex;
	}

	/** An organization's complete bill over the months shown, as the cells hold it. */
	private static BigDecimal billOf(ReportContents contents, ReportOrganization organization, List<YearMonth> months) {
		BigDecimal bill = BigDecimal.ZERO;
		for (YearMonth month : months) {
			bill = bill.add(Cents.round(contents.bill(organization.id(), month)));
		}
		return bill;
	}

	/** A name, wrapped when it is wider than its capped column. */
	private void name(Row row, int column, String value) {
		if (value != null && WorkbookCells.characters(value) > NAME_WIDTH - 2) {
			this.cells.wrapped(row, column, value);
		}
		else {
			this.cells.text(row, column, value);
		}
	}

	/**
	 * Shades an amount that rose over the month before (left of it) by more than the
	 * threshold and by more than the minimum amount: a large share of a few dollars is
	 * not news. A rise from nothing is not a percentage and is left alone.
	 */
	private void highlightJumps(Sheet sheet, CellRangeAddress range) {
		String current = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn());
		String previous = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn() - 1);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule("AND(" + previous + ">0," + current
				+ ">" + previous + "*(1+" + this.settings.jumpThreshold().toPlainString() + ")," + current + "-"
				+ previous + ">" + this.settings.jumpMinAmount().toPlainString() + ")");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

	/**
	 * Where a grouping sheet's parts go.
	 *
	 * @param months the months, one column each
	 * @param firstMonthColumn the first month's column, after the name (and id) columns
	 * @param subtotalHeaderRow the header row of the subtotals under the table
	 * @param withLines the organizations with lines, one subtotal each
	 */
	private record Layout(List<YearMonth> months, int firstMonthColumn, int subtotalHeaderRow,
			List<ReportOrganization> withLines) {

		int totalColumn() {
			return this.firstMonthColumn + this.months.size();
		}

		int shareColumn() {
			return totalColumn() + 1;
		}

		/** The subtotals' column of the bill: under the lines' share. */
		int billColumn() {
			return shareColumn();
		}

	}

}
