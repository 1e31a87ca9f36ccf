package com.atlascost.reports.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The {@code Summary} sheet, which answers in half a minute what each billing account is
 * billed, on what, against the month before and the budgets, and what the open month will
 * come to.
 *
 * <pre>
 * row 0   Month            | account label | Acme Production (billing account) | Acme Production | linked org | Total       | Change (USD) | Change (%) | Usage (before tax) | Amount   | Provisional
 * row 1   Organization id  | account id    | paying org id                     | its id          | linked id  |             |              |            |                    |          |
 * row 2.. 2026-09          | billed ...    | =SUM(its organizations)           | billed          | billed     | SUM(accounts) | =T3-T2     | =T3/T2-1   | usage              | billed   |
 * open    2026-12          | accrual ...   |                                   |                 |            |             |              |            | usage to date      | accrual  | provisional
 * then    Fiscal year 2026-04 to date (its closed months)   | SUM(column) ...
 * then    Last 12 closed months                              | SUM(column) ...
 * then    the open month's accrual per account, its organizations below: usage to date, usage forecast,
 *         tax rate, expected tax, accrual, band, budget, outlook on the budgets' basis
 * then    the budgets (on their basis) against the latest month with data, and their fiscal year to date
 * then    the largest movers of that month (usage, marked provisional when it is)
 * then    the top services of that month across organizations (usage), with their share of it
 * then    the notes: which amount each figure is, the fiscal year, provisional months, currency
 * then    outside the print area: the trend table the chart plots (usage)    [trend chart beside the table,
 *                                                                             or right under it when wide]
 * </pre>
 *
 * The headline is the bill: a closed month's billed amount (the invoices of the account
 * and of its linked organizations), the open month's accrual; a closed month without an
 * invoice shows its usage, named so in the Amount column. An account that pays for linked
 * organizations has their columns beside its own, which add up to it (largest remainder).
 * Usage (Cost Explorer's complete cost, before tax) is a column, not the headline; the
 * movers and the trend break it down by the first grouping, the trend's last series being
 * what the grouping does not carry. The open month has no change against a whole month.
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
