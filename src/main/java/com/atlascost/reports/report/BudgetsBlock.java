package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.summary.Cents;

/**
 * Each budget against the latest month with data and its fiscal year to date, on the
 * job's budget basis (billed unless {@code budgetBasis: usage}), so the bill and the
 * budget are read together. Over budget is red, under green.
 */
final class BudgetsBlock implements SummaryBlock {

	@Override
	public int write(SummaryContext summary, int row) {
		ReportContents contents = summary.contents();
		if (contents.request().scope().budgets().isEmpty() || summary.latest().isEmpty()) {
			return row;
		}
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		int rowIndex = row;
		YearMonth month = summary.latest().get();
		List<YearMonth> yearToDate = BudgetLine.yearToDate(contents, month);
		String basis = messages.get("basis." + contents.request().scope().accounting().budgetBasis().jobFileName());
		cells.title(sheet.createRow(rowIndex++), 0, messages.get("summary.budgets.title", month.toString(),
				summary.provisionalSuffix(month), yearToDate.get(0).toString(), month.toString(), basis));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(messages.get("grouping.organization"), messages.get("grouping.projects.name"),
				messages.get("budget.budget"), messages.get("budget.actual"), messages.get("budget.variance"),
				messages.get("budget.variancePercent"), messages.get("summary.budgets.ytdBudget"),
				messages.get("summary.budgets.ytdActual"), messages.get("summary.budgets.ytdVariance"));
		for (int column = 0; column < headers.size(); column++) {
			cells.header(header, column, headers.get(column));
			summary.columns().add(column, headers.get(column));
		}
		for (BudgetLine line : BudgetLine.of(contents, messages)) {
			line(summary, sheet.createRow(rowIndex), rowIndex, line, month, yearToDate);
			rowIndex++;
		}
		return rowIndex + 1;
	}

	private static void line(SummaryContext summary, Row row, int rowIndex, BudgetLine line, YearMonth month,
			List<YearMonth> yearToDate) {
		ReportContents contents = summary.contents();
		WorkbookCells cells = summary.cells();
		summary.columns().text(cells, row, 0, line.organizationLabel());
		summary.columns().text(cells, row, 1, line.projectName());
		BigDecimal budget = cells.money(row, 2, line.monthly());
		BigDecimal actual = cells.money(row, 3, line.actual(contents, month));
		String budgetRef = WorkbookCells.ref(rowIndex, 2);
		String actualRef = WorkbookCells.ref(rowIndex, 3);
		cells.varianceFormula(row, 4, actualRef + "-" + budgetRef, actual.subtract(budget));
		if (budget.signum() != 0) {
			cells.variancePercentFormula(row, 5, actualRef + "/" + budgetRef + "-1",
					actual.doubleValue() / budget.doubleValue() - 1);
		}
		BigDecimal ytdBudget = BigDecimal.ZERO;
		BigDecimal ytdActual = BigDecimal.ZERO;
		for (YearMonth m : yearToDate) {
			ytdBudget = ytdBudget.add(Cents.round(line.monthly()));
			ytdActual = ytdActual.add(Cents.round(line.actual(contents, m)));
		}
		cells.money(row, 6, ytdBudget);
		cells.money(row, 7, ytdActual);
		cells.varianceFormula(row, 8, WorkbookCells.ref(rowIndex, 7) + "-" + WorkbookCells.ref(rowIndex, 6),
				ytdActual.subtract(ytdBudget));
	}

}
