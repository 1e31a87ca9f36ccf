package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The first grouping's lines that changed most from the month before the latest month
 * with data to it, either way; the title says when that month is still provisional.
 */
final class LargestMoversBlock implements SummaryBlock {

	private static final int MOVERS = 5;

	@Override
	public int write(SummaryContext summary, int row) {
		ReportContents contents = summary.contents();
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		GroupingDimension dimension = new GroupingDimension(contents.summaryGrouping(), messages);
		if (summary.latest().isEmpty()) {
			cells.title(sheet.createRow(row), 0, messages.get("summary.movers.none"));
			return row + 2;
		}
		int rowIndex = row;
		YearMonth month = summary.latest().get();
		YearMonth before = month.minusMonths(1);
		cells.title(sheet.createRow(rowIndex++), 0, messages.get("summary.movers.title", month.toString(),
				summary.provisionalSuffix(month), before.toString(), dimension.sheetName()));
		Row header = sheet.createRow(rowIndex++);
		int column = 0;
		cells.header(header, column++, messages.get("summary.movers.organization"));
		cells.header(header, column++, dimension.nameHeader());
		int idColumn = dimension.idHeader().isPresent() ? column++ : -1;
		dimension.idHeader().ifPresent((id) -> cells.header(header, idColumn, id));
		int beforeColumn = column++;
		cells.monthHeader(header, beforeColumn, before.toString());
		cells.monthHeader(header, beforeColumn + 1, month.toString());
		cells.header(header, beforeColumn + 2, messages.get("summary.change"));
		cells.header(header, beforeColumn + 3, messages.get("summary.changePercent"));
		summary.columns().add(beforeColumn + 3, "");
		List<GroupingLine> movers = contents.linesOf(contents.summaryGrouping())
			.stream()
			.filter((line) -> change(line, month).signum() != 0)
			.sorted(Comparator.comparing((GroupingLine line) -> change(line, month).abs()).reversed())
			.limit(MOVERS)
			.toList();
		for (GroupingLine line : movers) {
			mover(summary, sheet.createRow(rowIndex), rowIndex, line, idColumn, beforeColumn, month);
			rowIndex++;
		}
		return rowIndex + 1;
	}

	private static void mover(SummaryContext summary, Row row, int rowIndex, GroupingLine line, int idColumn,
			int beforeColumn, YearMonth month) {
		WorkbookCells cells = summary.cells();
		summary.columns().text(cells, row, 0, line.organization().label());
		summary.columns().text(cells, row, 1, line.dimensionName());
		if (idColumn >= 0) {
			summary.columns().text(cells, row, idColumn, line.dimensionId());
		}
		BigDecimal was = cells.money(row, beforeColumn, line.amount(month.minusMonths(1)));
		BigDecimal is = cells.money(row, beforeColumn + 1, line.amount(month));
		String wasRef = WorkbookCells.ref(rowIndex, beforeColumn);
		String isRef = WorkbookCells.ref(rowIndex, beforeColumn + 1);
		cells.moneyFormula(row, beforeColumn + 2, isRef + "-" + wasRef, is.subtract(was));
		if (was.signum() != 0) {
			cells.percentFormula(row, beforeColumn + 3, isRef + "/" + wasRef + "-1",
					is.doubleValue() / was.doubleValue() - 1);
		}
	}

	private static BigDecimal change(GroupingLine line, YearMonth month) {
		return line.amount(month).subtract(line.amount(month.minusMonths(1)));
	}

}
