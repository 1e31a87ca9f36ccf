package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.summary.Cents;

/**
 * The services that cost most in the latest month with data, all organizations together,
 * with the month before and their share of that month's bill (a formula on the bill
 * table's total). Only when the job has the services grouping.
 */
final class TopServicesBlock implements SummaryBlock {

	private static final int TOP_SERVICES = 5;

	@Override
	public int write(SummaryContext summary, int row) {
		ReportContents contents = summary.contents();
		if (summary.latest().isEmpty() || !contents.groupings().contains(Grouping.SERVICES)) {
			return row;
		}
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		int rowIndex = row;
		YearMonth month = summary.latest().get();
		YearMonth before = month.minusMonths(1);
		List<Map.Entry<String, BigDecimal[]>> top = top(contents, month);
		cells.title(sheet.createRow(rowIndex++), 0,
				messages.get("summary.services.title", month.toString(), summary.provisionalSuffix(month)));
		Row header = sheet.createRow(rowIndex++);
		cells.header(header, 0, messages.get("grouping.services.name"));
		cells.monthHeader(header, 1, before.toString());
		cells.monthHeader(header, 2, month.toString());
		cells.header(header, 3, messages.get("summary.change"));
		cells.header(header, 4, messages.get("summary.services.share"));
		// the share of the month's usage: the bill table's Usage column, three right of
		// its Total
		int usageColumn = 1 + BillTable.Column.of(contents, messages).size() + 3;
		String billRef = new CellReference(SummarySheet.FIRST_MONTH_ROW + contents.months().all().indexOf(month),
				usageColumn, true, true)
			.formatAsString();
		BigDecimal bill = Cents.round(contents.bill(month));
		for (Map.Entry<String, BigDecimal[]> service : top) {
			Row line = sheet.createRow(rowIndex);
			summary.columns().text(cells, line, 0, service.getKey());
			BigDecimal was = cells.money(line, 1, service.getValue()[0]);
			BigDecimal is = cells.money(line, 2, service.getValue()[1]);
			String isRef = WorkbookCells.ref(rowIndex, 2);
			cells.moneyFormula(line, 3, isRef + "-" + WorkbookCells.ref(rowIndex, 1), is.subtract(was));
			if (bill.signum() != 0) {
				cells.percentFormula(line, 4, isRef + "/" + billRef, is.doubleValue() / bill.doubleValue());
			}
			rowIndex++;
		}
		return rowIndex + 1;
	}

	/**
	 * The top services of the month by cost, each with the month before's and the
	 * month's.
	 */
	private static List<Map.Entry<String, BigDecimal[]>> top(ReportContents contents, YearMonth month) {
		YearMonth before = month.minusMonths(1);
		Map<String, BigDecimal[]> byService = new LinkedHashMap<>();
		for (GroupingLine line : contents.linesOf(Grouping.SERVICES)) {
			BigDecimal[] amounts = byService.computeIfAbsent(line.dimensionName(),
					(name) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			amounts[0] = amounts[0].add(line.amount(before));
			amounts[1] = amounts[1].add(line.amount(month));
		}
		return byService.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[1].signum() != 0)
			.sorted(Comparator.comparing((Map.Entry<String, BigDecimal[]> entry) -> entry.getValue()[1])
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.limit(TOP_SERVICES)
			.toList();
	}

}
