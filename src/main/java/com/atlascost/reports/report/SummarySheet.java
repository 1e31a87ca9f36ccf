package com.atlascost.reports.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The {@code Summary} sheet, which answers in half a minute what the organizations cost,
 * on what, against the month before and the budgets, and where the open month is heading.
 *
 * <pre>
 * row 0   Month            | org label ... | Total       | Change (USD) | Change (%) | Provisional   [trend chart beside,
 * row 1   Organization id  | org id ...    |             |              |            |                or right under when
 * row 2.. 2026-09          | bills ...     | SUM(row)    | =T3-T2       | =T3/T2-1   | provisional    the table is wide]
 * then    Total            | SUM(column)...| SUM(totals) |
 * then    the open month's forecast per organization: month to date, forecast, band, budget, outlook
 * then    the budgets against the latest month with data, and their year to date
 * then    the largest movers of that month (marked provisional when it is)
 * then    the top services of that month across organizations, with their share of the bill
 * then    the notes
 * then    outside the print area: the trend table the chart plots
 * </pre>
 *
 * Its amounts are each organization's complete bill (an unfiltered organizations query,
 * org-level charges and credits included), never a grouping's total: groupings can leave
 * out org-level charges, and adding them up would count usage twice. The movers and the
 * trend break the bill down by the first grouping; the trend's last series is what the
 * grouping does not carry, so each month still adds up to the bill. The open month's row
 * is the month to date: it has no change against a whole month.
 */
final class SummarySheet implements WorkbookSheet {

	static final int FIRST_MONTH_ROW = 2;

	/** The blocks under the bill table, top to bottom. */
	private static final List<SummaryBlock> BLOCKS = List.of(new ForecastBlock(), new BudgetsBlock(),
			new LargestMoversBlock(), new TopServicesBlock(), new NotesBlock());

	/**
	 * The widest bill table ({@link BillTable#width()}) the chart still fits beside on a
	 * 1080p screen at 100 % zoom: 1,920 pixels hold about 270 characters of Calibri 11,
	 * the chart takes about 75. The language's headers do not count, so English and
	 * Japanese workbooks have the same layout.
	 */
	private static final int CHART_BESIDE_UP_TO = 190;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final ReportSettings settings;

	SummarySheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.settings = settings;
	}

	String name() {
		return this.messages.get("summary.sheet");
	}

	@Override
	public void create(WorkbookDraft workbook) {
		workbook.createSheet(name());
	}

	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		Sheet sheet = workbook.sheet(name()).orElseThrow();
		print.onePage(sheet, write(sheet, contents, new TrendChart(WorkbookDraft.underneath(sheet))));
	}

	/** Writes the sheet and returns what prints on its one page. */
	private CellRangeAddress write(Sheet sheet, ReportContents contents, TrendChart chart) {
		SummaryContext summary = new SummaryContext(sheet, contents, this.cells, this.messages, this.settings,
				new SummaryColumns(), contents.latestMonthWithData());
		BillTable table = new BillTable(summary);
		// a blank row under the table
		int rowIndex = table.write() + 1;
		boolean chartBeside = table.width() <= CHART_BESIDE_UP_TO;
		int chartRow = chartBeside ? 0 : rowIndex;
		int chartColumn = chartBeside ? table.lastColumn() + 2 : 0;
		if (!chartBeside) {
			rowIndex += TrendChart.HEIGHT_IN_ROWS + 1;
		}
		for (SummaryBlock block : BLOCKS) {
			rowIndex = block.write(summary, rowIndex);
		}
		int lastPrintedRow = Math.max(rowIndex - 1, chartRow + TrendChart.HEIGHT_IN_ROWS);

		summary.columns().widen(sheet);
		int chartColumns = new TrendTable(summary).write(rowIndex + 2, chart, chartRow, chartColumn);

		sheet.createFreezePane(1, FIRST_MONTH_ROW);
		sheet.setDisplayGridlines(false);
		sheet.setPrintGridlines(false);
		return new CellRangeAddress(0, lastPrintedRow, 0, Math.max(summary.columns().widestColumn(),
				Math.max(table.lastColumn(), chartColumn + chartColumns - 1)));
	}

}
