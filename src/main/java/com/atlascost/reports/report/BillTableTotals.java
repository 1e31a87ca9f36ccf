package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.RoundedAmounts;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.summary.Cents;

/**
 * The bill table's totals: the fiscal year to date (of the latest month shown) and the
 * last 12 closed months, never every month of the range, which can span two years and the
 * open month's accrual. Each adds the month cells as shown, so the sheet's formulas and
 * the values agree.
 */
final class BillTableTotals {

	/** How many closed months the rolling total adds. */
	static final int ROLLING_MONTHS = 12;

	private final SummaryContext summary;

	private final List<BillTable.Column> columns;

	private final int totalColumn;

	private final int usageColumn;

	BillTableTotals(SummaryContext summary, List<BillTable.Column> columns, int totalColumn, int usageColumn) {
		this.summary = summary;
		this.columns = columns;
		this.totalColumn = totalColumn;
		this.usageColumn = usageColumn;
	}

	/** The closed months of the fiscal year of the latest month shown. */
	static List<YearMonth> fiscalYearToDate(ReportContents contents) {
		List<YearMonth> all = contents.months().all();
		if (all.isEmpty()) {
			return List.of();
		}
		Accounting accounting = contents.request().scope().accounting();
		YearMonth start = accounting.fiscalYearOf(all.get(all.size() - 1));
		return all.stream().filter((m) -> !m.isBefore(start) && !contents.amounts().isOpen(m)).toList();
	}

	/** The last {@value #ROLLING_MONTHS} closed months shown. */
	static List<YearMonth> lastClosedMonths(ReportContents contents) {
		List<YearMonth> closed = contents.months().all().stream().filter((m) -> !contents.amounts().isOpen(m)).toList();
		return closed.subList(Math.max(0, closed.size() - ROLLING_MONTHS), closed.size());
	}

	/**
	 * Writes both totals from a row.
	 * @return the row after them
	 */
	int write(int row) {
		ReportContents contents = this.summary.contents();
		List<YearMonth> fiscal = fiscalYearToDate(contents);
		List<YearMonth> rolling = lastClosedMonths(contents);
		Accounting accounting = contents.request().scope().accounting();
		ReportMessages messages = this.summary.messages();
		List<YearMonth> all = contents.months().all();
		YearMonth latest = all.isEmpty() ? contents.request().scope().to() : all.get(all.size() - 1);
		String fiscalLabel = messages.get("summary.fiscalYearToDate", accounting.fiscalYearOf(latest).toString(),
				range(fiscal));
		String rollingLabel = (rolling.size() == ROLLING_MONTHS)
				? messages.get("summary.lastClosedMonths", ROLLING_MONTHS, range(rolling))
				: messages.get("summary.lastClosedMonths.fewer", ROLLING_MONTHS, rolling.size(), range(rolling));
		total(row, fiscalLabel, fiscal);
		total(row + 1, rollingLabel, rolling);
		return row + 2;
	}

	private String range(List<YearMonth> months) {
		if (months.isEmpty()) {
			return this.summary.messages().get("summary.noClosedMonth");
		}
		return months.get(0) + " – " + months.get(months.size() - 1);
	}

	private void total(int rowIndex, String label, List<YearMonth> months) {
		ReportContents contents = this.summary.contents();
		BillingAmounts amounts = contents.amounts();
		Sheet sheet = this.summary.sheet();
		WorkbookCells cells = this.summary.cells();
		Row row = sheet.createRow(rowIndex);
		cells.bold(row, 0, label);
		List<Integer> rows = new ArrayList<>();
		BigDecimal[] sums = new BigDecimal[this.columns.size()];
		Arrays.fill(sums, BigDecimal.ZERO);
		BigDecimal grand = BigDecimal.ZERO;
		BigDecimal usage = BigDecimal.ZERO;
		for (YearMonth month : months) {
			rows.add(SummarySheet.FIRST_MONTH_ROW + contents.months().all().indexOf(month));
			RoundedAmounts shown = RoundedAmounts.of(contents.accounts(),
					(org) -> amounts.headline(org, month).amount());
			for (int i = 0; i < this.columns.size(); i++) {
				BillTable.Column column = this.columns.get(i);
				sums[i] = sums[i].add(column.accountColumn() ? shown.account(column.account().id())
						: shown.organization(column.organizationId()));
			}
			grand = grand.add(shown.total());
			usage = usage.add(Cents.round(amounts.usage(month)));
		}
		for (int i = 0; i < this.columns.size(); i++) {
			cells.moneyTotalFormula(row, 1 + i, sum(rows, 1 + i), sums[i]);
		}
		cells.moneyTotalFormula(row, this.totalColumn, sum(rows, this.totalColumn), grand);
		cells.moneyTotalFormula(row, this.usageColumn, sum(rows, this.usageColumn), usage);
	}

	/** SUM of a column's month cells: a range, the months being consecutive rows. */
	private static String sum(List<Integer> rows, int column) {
		if (rows.isEmpty()) {
			return "0";
		}
		return "SUM(" + WorkbookCells.ref(rows.get(0), column) + ":"
				+ WorkbookCells.ref(rows.get(rows.size() - 1), column) + ")";
	}

}
