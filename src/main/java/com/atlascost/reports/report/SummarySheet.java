package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.usage.StoredUsage;

/**
 * The {@code Summary} sheet: months down, organizations across, with row, column and
 * grand totals.
 *
 * <pre>
 * row 0   Month            | org label ... | Total         | Provisional
 * row 1   Organization id  | org id ...    |               |
 * row 2.. 2026-09          | amounts ...   | SUM(row)      | provisional (or empty)
 * then    Total            | SUM(column)...| SUM(totals)   |
 * then    one blank row and the notes: which grouping, what provisional means, currency
 * </pre>
 *
 * It totals one grouping only: groupings can disagree, as filters and partial matches
 * leave out org-level charges differently, and adding them up would count usage twice.
 */
final class SummarySheet {

	static final String NAME = "Summary";

	static final int FIRST_MONTH_ROW = 2;

	private final WorkbookCells cells;

	SummarySheet(WorkbookCells cells) {
		this.cells = cells;
	}

	void write(Sheet sheet, ReportContents contents) {
		List<ReportOrganization> organizations = contents.organizations();
		List<YearMonth> months = contents.months().all();
		Map<String, Map<YearMonth, BigDecimal>> amounts = amountsByOrganization(
				contents.rowsOf(contents.summaryGrouping()));
		int totalColumn = 1 + organizations.size();
		int provisionalColumn = totalColumn + 1;

		Row labels = sheet.createRow(0);
		Row ids = sheet.createRow(1);
		this.cells.header(labels, 0, "Month");
		this.cells.header(ids, 0, "Organization id");
		for (int i = 0; i < organizations.size(); i++) {
			this.cells.header(labels, 1 + i, organizations.get(i).label());
			this.cells.header(ids, 1 + i, organizations.get(i).id());
		}
		this.cells.header(labels, totalColumn, "Total");
		this.cells.header(labels, provisionalColumn, "Provisional");

		BigDecimal[] columnTotals = new BigDecimal[organizations.size()];
		Arrays.fill(columnTotals, BigDecimal.ZERO);
		BigDecimal grandTotal = BigDecimal.ZERO;
		int rowIndex = FIRST_MONTH_ROW;
		for (YearMonth month : months) {
			Row row = sheet.createRow(rowIndex);
			this.cells.month(row, 0, month);
			BigDecimal rowTotal = BigDecimal.ZERO;
			for (int i = 0; i < organizations.size(); i++) {
				BigDecimal amount = amounts.getOrDefault(organizations.get(i).id(), Map.of())
					.getOrDefault(month, BigDecimal.ZERO);
				BigDecimal shown = this.cells.money(row, 1 + i, amount);
				rowTotal = rowTotal.add(shown);
				columnTotals[i] = columnTotals[i].add(shown);
			}
			this.cells.total(row, totalColumn, rowIndex, rowIndex, 1, totalColumn - 1, rowTotal);
			grandTotal = grandTotal.add(rowTotal);
			if (contents.months().isProvisional(month)) {
				this.cells.text(row, provisionalColumn, "provisional");
			}
			rowIndex++;
		}
		int lastMonthRow = rowIndex - 1;
		Row totals = sheet.createRow(rowIndex);
		this.cells.bold(totals, 0, "Total");
		for (int i = 0; i < organizations.size(); i++) {
			this.cells.total(totals, 1 + i, FIRST_MONTH_ROW, lastMonthRow, 1 + i, 1 + i, columnTotals[i]);
		}
		this.cells.total(totals, totalColumn, FIRST_MONTH_ROW, lastMonthRow, totalColumn, totalColumn, grandTotal);

		rowIndex += 2;
		this.cells.text(sheet.createRow(rowIndex++), 0, "Totals from the '" + contents.summaryGrouping().apiName()
				+ "' grouping. Other groupings can differ: filters and partial matches may leave out org-level charges.");
		if (!contents.months().provisional().isEmpty()) {
			this.cells.text(sheet.createRow(rowIndex++), 0,
					"Provisional months ("
							+ contents.months()
								.provisional()
								.stream()
								.map(YearMonth::toString)
								.collect(Collectors.joining(", "))
							+ "): the amounts may change until the month settles.");
		}
		this.cells.text(sheet.createRow(rowIndex), 0, "Amounts in US dollars; credits are negative.");

		sheet.createFreezePane(1, FIRST_MONTH_ROW);
		sheet.setColumnWidth(0, 18 * 256);
		for (int i = 0; i < organizations.size(); i++) {
			sheet.setColumnWidth(1 + i, 26 * 256);
		}
		sheet.setColumnWidth(totalColumn, 16 * 256);
		sheet.setColumnWidth(provisionalColumn, 13 * 256);
	}

	private static Map<String, Map<YearMonth, BigDecimal>> amountsByOrganization(List<StoredUsage> rows) {
		Map<String, Map<YearMonth, BigDecimal>> amounts = new HashMap<>();
		for (StoredUsage row : rows) {
			amounts.computeIfAbsent(row.organizationId(), (id) -> new HashMap<>())
				.merge(ReportMonths.monthOf(row), row.amount(), BigDecimal::add);
		}
		return amounts;
	}

}
