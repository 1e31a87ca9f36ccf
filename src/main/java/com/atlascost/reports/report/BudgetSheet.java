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

import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;

/**
 * The {@code Budgets} sheet, written only when the job file gives budgets: one line per
 * budget and month with budget, actual and variance (actual less budget, so over budget
 * is positive), over-budget actuals shaded red.
 *
 * <pre>
 * row 0   Organization | Project | Project id | Month | Budget | Actual | Variance | Variance (%) | Forecast | Outlook
 * row 1.. label        | name    | id         | date  | amount | amount | =F2-E2   | =G2/E2       | open month's, of an org budget
 * then    the notes: which grouping the actuals come from
 * </pre>
 *
 * An organization's actual is its complete bill; a project's comes from the projects
 * grouping, which the job file reader requires for project budgets.
 */
final class BudgetSheet {

	private static final int BUDGET = 4;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	BudgetSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
	}

	String name() {
		return this.messages.get("budget.sheet");
	}

	void write(Sheet sheet, ReportContents contents) {
		List<Budget> budgets = contents.request().budgets();
		Row header = sheet.createRow(0);
		List<String> headers = List.of(this.messages.get("grouping.organization"),
				this.messages.get("grouping.projects.name"), this.messages.get("grouping.projects.id"),
				this.messages.get("summary.month"), this.messages.get("budget.budget"),
				this.messages.get("budget.actual"), this.messages.get("budget.variance"),
				this.messages.get("budget.variancePercent"), this.messages.get("summary.forecast.forecast"),
				this.messages.get("summary.forecast.outlook"));
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		List<String> organizations = new ArrayList<>(List.of(headers.get(0)));
		List<String> projects = new ArrayList<>(List.of(headers.get(1)));
		int rowIndex = 1;
		for (Budget budget : budgets) {
			String label = contents.organizations()
				.stream()
				.filter((org) -> org.id().equals(budget.organizationId()))
				.map(ReportOrganization::label)
				.findFirst()
				.orElse(budget.organizationId());
			Optional<GroupingLine> projectLine = (budget.projectId() != null) ? contents.linesOf(Grouping.PROJECTS)
				.stream()
				.filter((line) -> line.organization().id().equals(budget.organizationId())
						&& budget.projectId().equals(line.dimensionId()))
				.findFirst() : Optional.empty();
			organizations.add(label);
			for (YearMonth month : contents.months().all()) {
				Row row = sheet.createRow(rowIndex);
				this.cells.text(row, 0, label);
				if (budget.projectId() != null) {
					String name = projectLine.map(GroupingLine::dimensionName)
						.orElse(this.messages.get("budget.noUsage"));
					projects.add(name);
					this.cells.text(row, 1, name);
					this.cells.text(row, 2, budget.projectId());
				}
				else {
					this.cells.text(row, 1, this.messages.get("budget.wholeOrganization"));
				}
				if (contents.months().isProvisional(month)) {
					this.cells.provisionalMonth(row, 3, month);
				}
				else {
					this.cells.month(row, 3, month);
				}
				BigDecimal actual = (budget.projectId() != null)
						? projectLine.map((line) -> line.amount(month)).orElse(BigDecimal.ZERO)
						: contents.bill(budget.organizationId(), month);
				BigDecimal shownBudget = this.cells.money(row, BUDGET, budget.monthly());
				BigDecimal shownActual = this.cells.money(row, BUDGET + 1, actual);
				String budgetRef = WorkbookCells.ref(rowIndex, BUDGET);
				String actualRef = WorkbookCells.ref(rowIndex, BUDGET + 1);
				String varianceRef = WorkbookCells.ref(rowIndex, BUDGET + 2);
				this.cells.moneyFormula(row, BUDGET + 2, actualRef + "-" + budgetRef,
						shownActual.subtract(shownBudget));
				this.cells.percentFormula(row, BUDGET + 3, varianceRef + "/" + budgetRef,
						shownActual.subtract(shownBudget).doubleValue() / shownBudget.doubleValue());
				if (budget.projectId() == null && contents.openMonth().filter(month::equals).isPresent()) {
					contents.forecast(budget.organizationId()).ifPresent((forecast) -> {
						this.cells.money(row, BUDGET + 4, forecast.forecast());
						this.cells.text(row, BUDGET + 5,
								this.messages.get("outlook." + forecast.against(budget.monthly()).name()));
					});
				}
				rowIndex++;
			}
		}
		if (rowIndex > 1) {
			highlightOverBudget(sheet, new CellRangeAddress(1, rowIndex - 1, BUDGET + 1, BUDGET + 1));
		}
		rowIndex++;
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("budget.note.actuals"));
		this.cells.note(sheet.createRow(rowIndex), 0, this.messages.get("budget.note.over"));

		sheet.createFreezePane(0, 1);
		WorkbookCells.printLandscapeFitToWidth(sheet);
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, organizations));
		sheet.setColumnWidth(1, WorkbookCells.widthFor(14, 40, projects));
		sheet.setColumnWidth(2, WorkbookCells.widthFor(12, 28, List.of(headers.get(2), "0123456789abcdef01234567")));
		for (int column = 3; column < headers.size(); column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(12, 24, List.of(headers.get(column))));
		}
	}

	private void highlightOverBudget(Sheet sheet, CellRangeAddress actuals) {
		String actual = WorkbookCells.ref(actuals.getFirstRow(), actuals.getFirstColumn());
		String budget = WorkbookCells.ref(actuals.getFirstRow(), BUDGET);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(actual + ">" + budget);
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		FontFormatting font = rule.createFontFormatting();
		font.setFontColorIndex(IndexedColors.DARK_RED.getIndex());
		formatting.addConditionalFormatting(new CellRangeAddress[] { actuals }, rule);
	}

}
