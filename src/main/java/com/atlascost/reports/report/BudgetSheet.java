package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import com.atlascost.reports.forecast.Accrual;
import com.atlascost.reports.plan.Accounting;

/**
 * The {@code Budgets} sheet, written only when the job file gives budgets: months across,
 * four lines per budget, the year to date and, for the open month, the forecast against
 * the budget.
 *
 * <pre>
 * row 0   Organization | Project | Project id | Figure       | 2026-01 ... | 2026-12 (month to date) | Year to date (2026-01 to 2026-11) | Forecast (month end) | Outlook
 * then    label        | name    | id         | Budget       | amounts     | amount                  | SUM(months)                       |                      |
 *                      |         |            | Actual       | amounts     | month to date           | SUM(months)                       | forecast             | on track / at risk / over budget
 *                      |         |            | Variance     | =actual-budget (over red, under green)                 | =YTD actual-YTD budget
 *                      |         |            | Variance (%) | =variance/budget                                       | =YTD variance/YTD budget
 * then    the notes
 * </pre>
 *
 * The open month's actual is a few days' bill: it has no variance (its forecast says
 * where it is heading) and stays out of the year to date. An organization's actual is its
 * complete bill; a project's comes from the projects grouping.
 */
final class BudgetSheet implements WorkbookSheet {

	static final int HEADER_ROWS = 1;

	private static final int FIGURE = 3;

	private static final int FIRST_MONTH = 4;

	private static final int LINES_PER_BUDGET = 4;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	BudgetSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
	}

	String name() {
		return this.messages.get("budget.sheet");
	}

	@Override
	public void create(WorkbookDraft workbook) {
		if (!workbook.request().scope().budgets().isEmpty()) {
			workbook.createSheet(name());
		}
	}

	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		workbook.sheet(name()).ifPresent((sheet) -> {
			write(sheet, contents);
			print.fitToWidth(sheet, HEADER_ROWS);
		});
	}

	private void write(Sheet sheet, ReportContents contents) {
		Layout layout = Layout.of(contents);
		List<String> monthHeaders = header(sheet.createRow(0), contents, layout);
		List<BudgetLine> lines = BudgetLine.of(contents, this.messages);
		List<CellRangeAddress> actualRows = new ArrayList<>();
		int rowIndex = HEADER_ROWS;
		for (BudgetLine line : lines) {
			actualRows.add(budget(sheet, rowIndex, line, contents, layout));
			rowIndex += LINES_PER_BUDGET;
		}
		if (!actualRows.isEmpty()) {
			highlightOverBudget(sheet, actualRows);
		}
		rowIndex++;
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("budget.note.actuals"));
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("budget.note.over"));
		if (layout.open().isPresent()) {
			this.cells.note(sheet.createRow(rowIndex), 0,
					this.messages.get("budget.note.open", layout.open().get().toString()));
		}
		sheet.createFreezePane(FIRST_MONTH, HEADER_ROWS);
		columnWidths(sheet, lines, monthHeaders, layout);
	}

	/**
	 * The header row: what a line is, the months, the year to date and the forecast.
	 * @return the months' headers
	 */
	private List<String> header(Row header, ReportContents contents, Layout layout) {
		List<String> headers = List.of(this.messages.get("grouping.organization"),
				this.messages.get("grouping.projects.name"), this.messages.get("grouping.projects.id"),
				this.messages.get("budget.figure"));
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		List<String> monthHeaders = new ArrayList<>();
		for (int m = 0; m < layout.months().size(); m++) {
			YearMonth month = layout.months().get(m);
			String label = layout.open().filter(month::equals).isPresent()
					? this.messages.get("budget.monthToDate", month.toString()) : contents.months().isProvisional(month)
							? this.messages.get("grouping.monthProvisional", month.toString()) : month.toString();
			monthHeaders.add(label);
			this.cells.monthHeader(header, FIRST_MONTH + m, label);
		}
		List<YearMonth> yearToDate = layout.yearToDate();
		String ytdHeader = yearToDate.isEmpty() ? this.messages.get("budget.yearToDate.none") : this.messages
			.get("budget.yearToDate", yearToDate.get(0).toString(), yearToDate.get(yearToDate.size() - 1).toString());
		this.cells.header(header, layout.ytdColumn(), ytdHeader);
		String basis = this.messages
			.get("basis." + contents.request().scope().accounting().budgetBasis().jobFileName());
		this.cells.header(header, layout.forecastColumn(), this.messages.get("budget.expected", basis));
		this.cells.header(header, layout.outlookColumn(), this.messages.get("summary.forecast.outlook", basis));
		return monthHeaders;
	}

	/**
	 * A budget's four lines from a row: budget, actual, variance and variance (%).
	 * @return the actual's months, which turn red over budget
	 */
	private CellRangeAddress budget(Sheet sheet, int rowIndex, BudgetLine line, ReportContents contents,
			Layout layout) {
		List<YearMonth> months = layout.months();
		int budgetRow = rowIndex;
		int actualRow = rowIndex + 1;
		int varianceRow = rowIndex + 2;
		Row budget = sheet.createRow(budgetRow);
		Row actual = sheet.createRow(actualRow);
		Row variance = sheet.createRow(varianceRow);
		Row percent = sheet.createRow(rowIndex + 3);
		this.cells.text(budget, 0, line.organizationLabel());
		this.cells.text(budget, 1, line.projectName());
		this.cells.text(budget, 2, line.projectId());
		this.cells.text(budget, FIGURE, this.messages.get("budget.budget"));
		this.cells.text(actual, FIGURE, this.messages.get("budget.actual"));
		this.cells.text(variance, FIGURE, this.messages.get("budget.variance"));
		this.cells.text(percent, FIGURE, this.messages.get("budget.variancePercent"));
		BigDecimal ytdBudget = BigDecimal.ZERO;
		BigDecimal ytdActual = BigDecimal.ZERO;
		for (int m = 0; m < months.size(); m++) {
			YearMonth month = months.get(m);
			int column = FIRST_MONTH + m;
			BigDecimal shownBudget = this.cells.money(budget, column, line.monthly());
			BigDecimal shownActual = this.cells.money(actual, column, line.actual(contents, month));
			if (layout.yearToDate().contains(month)) {
				ytdBudget = ytdBudget.add(shownBudget);
				ytdActual = ytdActual.add(shownActual);
			}
			if (layout.open().filter(month::equals).isEmpty()) {
				variance(variance, percent, varianceRow, column, shownActual.subtract(shownBudget), shownBudget);
			}
		}
		if (!layout.yearToDate().isEmpty()) {
			int ytdColumn = layout.ytdColumn();
			this.cells.total(budget, ytdColumn, budgetRow, budgetRow, layout.ytdFirst(), layout.ytdLast(), ytdBudget);
			this.cells.total(actual, ytdColumn, actualRow, actualRow, layout.ytdFirst(), layout.ytdLast(), ytdActual);
			variance(variance, percent, varianceRow, ytdColumn, ytdActual.subtract(ytdBudget), ytdBudget);
		}
		forecast(actual, line, contents, layout);
		return new CellRangeAddress(actualRow, actualRow, FIRST_MONTH, FIRST_MONTH + months.size() - 1);
	}

	/**
	 * An organization's forecast for the open month and its outlook, beside its actual.
	 */
	private void forecast(Row actual, BudgetLine line, ReportContents contents, Layout layout) {
		if (line.wholeOrganization() && layout.open().isPresent()) {
			Optional<Accrual> accrual = contents.amounts().accrual(line.budget().organizationId());
			if (accrual.isPresent()) {
				Accounting.BudgetBasis basis = contents.request().scope().accounting().budgetBasis();
				this.cells.money(actual, layout.forecastColumn(), accrual.get().expected(basis));
				this.cells.text(actual, layout.outlookColumn(),
						this.messages.get("outlook." + accrual.get().against(line.monthly(), basis).name()));
			}
		}
	}

	private void columnWidths(Sheet sheet, List<BudgetLine> lines, List<String> monthHeaders, Layout layout) {
		List<String> organizations = new ArrayList<>(List.of(this.messages.get("grouping.organization")));
		List<String> projects = new ArrayList<>(List.of(this.messages.get("grouping.projects.name")));
		for (BudgetLine line : lines) {
			organizations.add(line.organizationLabel());
			projects.add(line.projectName());
		}
		ColumnWidths widths = ColumnWidths.of(sheet);
		widths.set(0, WorkbookCells.widthFor(14, 40, organizations));
		widths.set(1, WorkbookCells.widthFor(14, 40, projects));
		widths.set(2, WorkbookCells.widthFor(12, 28,
				List.of(this.messages.get("grouping.projects.id"), "0123456789abcdef01234567")));
		widths.set(FIGURE,
				WorkbookCells.widthFor(10, 24,
						List.of(this.messages.get("budget.figure"), this.messages.get("budget.budget"),
								this.messages.get("budget.actual"), this.messages.get("budget.variance"),
								this.messages.get("budget.variancePercent"))));
		for (int m = 0; m < monthHeaders.size(); m++) {
			widths.set(FIRST_MONTH + m, WorkbookCells.widthFor(12, 30, List.of(monthHeaders.get(m))));
		}
		widths.set(layout.ytdColumn(), WorkbookCells.widthFor(14, 20, List.of("")));
		widths.set(layout.forecastColumn(), WorkbookCells.widthFor(14, 20, List.of("")));
		widths.set(layout.outlookColumn(),
				WorkbookCells.widthFor(12, 24,
						List.of(this.messages.get("grouping.organization"), this.messages.get("outlook.OVER"),
								this.messages.get("outlook.AT_RISK"), this.messages.get("outlook.ON_TRACK"))));
	}

	/** A variance in dollars and as a share of the budget, under the actual above it. */
	private void variance(Row variance, Row percent, int varianceRow, int column, BigDecimal value, BigDecimal budget) {
		String actualRef = WorkbookCells.ref(varianceRow - 1, column);
		String budgetRef = WorkbookCells.ref(varianceRow - 2, column);
		this.cells.varianceFormula(variance, column, actualRef + "-" + budgetRef, value);
		if (budget.signum() != 0) {
			this.cells.variancePercentFormula(percent, column, WorkbookCells.ref(varianceRow, column) + "/" + budgetRef,
					value.doubleValue() / budget.doubleValue());
		}
	}

	/** An actual above the budget over it is shaded red; under budget stays plain. */
	private void highlightOverBudget(Sheet sheet, List<CellRangeAddress> actualRows) {
		CellRangeAddress first = actualRows.get(0);
		String actual = WorkbookCells.ref(first.getFirstRow(), first.getFirstColumn());
		String budget = WorkbookCells.ref(first.getFirstRow() - 1, first.getFirstColumn());
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(actual + ">" + budget);
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		FontFormatting font = rule.createFontFormatting();
		font.setFontColorIndex(IndexedColors.DARK_RED.getIndex());
		formatting.addConditionalFormatting(actualRows.toArray(CellRangeAddress[]::new), rule);
	}

	/**
	 * The months and where the columns after them go.
	 *
	 * @param months the months, one column each
	 * @param open the open month, if the run has one
	 * @param yearToDate the closed months of the last closed month's year to date
	 */
	private record Layout(List<YearMonth> months, Optional<YearMonth> open, List<YearMonth> yearToDate) {

		static Layout of(ReportContents contents) {
			List<YearMonth> months = contents.months().all();
			Optional<YearMonth> open = contents.openMonth();
			Optional<YearMonth> lastClosed = months.stream()
				.filter((month) -> open.filter(month::equals).isEmpty())
				.reduce((first, second) -> second);
			return new Layout(months, open,
					lastClosed.map((month) -> BudgetLine.yearToDate(contents, month)).orElse(List.of()));
		}

		int ytdColumn() {
			return FIRST_MONTH + this.months.size();
		}

		int forecastColumn() {
			return ytdColumn() + 1;
		}

		int outlookColumn() {
			return ytdColumn() + 2;
		}

		/** The year to date's first month column, -1 without one. */
		int ytdFirst() {
			return this.yearToDate.isEmpty() ? -1 : FIRST_MONTH + this.months.indexOf(this.yearToDate.get(0));
		}

		int ytdLast() {
			return this.yearToDate.isEmpty() ? -1
					: FIRST_MONTH + this.months.indexOf(this.yearToDate.get(this.yearToDate.size() - 1));
		}

	}

}
