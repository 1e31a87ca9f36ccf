package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import com.atlascost.reports.forecast.BillingAccount;
import com.atlascost.reports.forecast.RoundedAmounts;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.Headline;

/**
 * The {@code Summary}'s bill table at the top of the sheet: a row per month, a column per
 * billing account (with its organizations beside it when it pays for linked ones), each
 * month's total, its change against the month before, the month's usage and which amount
 * the row is; then the fiscal year to date and the last 12 closed months.
 */
final class BillTable {

	private final SummaryContext summary;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final List<Column> columns;

	private final int totalColumn;

	private final int changeColumn;

	private final int percentColumn;

	private final int usageColumn;

	private final int amountColumn;

	private final int provisionalColumn;

	BillTable(SummaryContext summary) {
		this.summary = summary;
		this.cells = summary.cells();
		this.messages = summary.messages();
		this.columns = Column.of(summary.contents(), this.messages);
		this.totalColumn = 1 + this.columns.size();
		this.changeColumn = this.totalColumn + 1;
		this.percentColumn = this.totalColumn + 2;
		this.usageColumn = this.totalColumn + 3;
		this.amountColumn = this.totalColumn + 4;
		this.provisionalColumn = this.totalColumn + 5;
	}

	/** The table's last column, which marks the provisional months. */
	int lastColumn() {
		return this.provisionalColumn;
	}

	/**
	 * The table's width in characters: its account and organization columns and a fixed
	 * 110 for the month, total, change, usage and amount columns.
	 */
	int width() {
		int columnsWidth = 0;
		for (Column column : this.columns) {
			columnsWidth += column.width();
		}
		return 110 + columnsWidth / 256;
	}

	/**
	 * Writes the table and sets its columns' widths.
	 * @return the row after its totals
	 */
	int write() {
		Sheet sheet = this.summary.sheet();
		Row labels = sheet.createRow(0);
		Row ids = sheet.createRow(1);
		this.cells.header(labels, 0, this.messages.get("summary.month"));
		this.cells.header(ids, 0, this.messages.get("summary.organizationId"));
		for (int i = 0; i < this.columns.size(); i++) {
			this.cells.header(labels, 1 + i, this.columns.get(i).label());
			this.cells.header(ids, 1 + i, this.columns.get(i).organizationId());
		}
		this.cells.header(labels, this.totalColumn, this.messages.get("summary.total"));
		this.cells.header(labels, this.changeColumn, this.messages.get("summary.change"));
		this.cells.header(labels, this.percentColumn, this.messages.get("summary.changePercent"));
		this.cells.header(labels, this.usageColumn, this.messages.get("summary.usage"));
		this.cells.header(labels, this.amountColumn, this.messages.get("summary.amount"));
		this.cells.header(labels, this.provisionalColumn, this.messages.get("summary.provisional"));
		int afterMonths = months(sheet);
		highlightJumps(sheet, new CellRangeAddress(SummarySheet.FIRST_MONTH_ROW, afterMonths - 1, this.percentColumn,
				this.percentColumn));
		int rowIndex = new BillTableTotals(this.summary, this.columns, this.totalColumn, this.usageColumn)
			.write(afterMonths);
		columnWidths(sheet, labels);
		return rowIndex;
	}

	/**
	 * A row per month.
	 * @return the row after the last month
	 */
	private int months(Sheet sheet) {
		ReportContents contents = this.summary.contents();
		BillingAmounts amounts = contents.amounts();
		List<BillingAccount> accounts = contents.accounts();
		BigDecimal previousTotal = null;
		int rowIndex = SummarySheet.FIRST_MONTH_ROW;
		for (YearMonth month : contents.months().all()) {
			Row row = sheet.createRow(rowIndex);
			boolean provisional = contents.months().isProvisional(month);
			if (provisional) {
				this.cells.provisionalMonth(row, 0, month);
			}
			else {
				this.cells.month(row, 0, month);
			}
			RoundedAmounts shown = RoundedAmounts.of(accounts, (org) -> amounts.headline(org, month).amount());
			for (int i = 0; i < this.columns.size(); i++) {
				this.columns.get(i).write(this.cells, row, rowIndex, 1 + i, shown);
			}
			this.cells.moneyTotalFormula(row, this.totalColumn, Column.sumOfAccounts(this.columns, rowIndex),
					shown.total());
			// the open month is an accrual: a change against a whole month's bill says
			// nothing (its accrual, right under the table, does)
			if (previousTotal != null && !amounts.isOpen(month)) {
				change(row, rowIndex, shown.total(), previousTotal);
			}
			previousTotal = shown.total();
			this.cells.money(row, this.usageColumn, amounts.usage(month));
			this.cells.text(row, this.amountColumn, amountText(contents, accounts, month));
			if (provisional) {
				this.cells.text(row, this.provisionalColumn, this.messages.get("summary.provisionalMark"));
			}
			rowIndex++;
		}
		return rowIndex;
	}

	/** Which amount a month's row is; the organizations without an invoice, by label. */
	private String amountText(ReportContents contents, List<BillingAccount> accounts, YearMonth month) {
		BillingAmounts amounts = contents.amounts();
		Headline.Kind kind = amounts.headline(month).kind();
		if (kind != Headline.Kind.MIXED) {
			return this.messages.get("summary.amount." + kind.name());
		}
		List<String> withoutInvoice = new ArrayList<>();
		for (BillingAccount account : accounts) {
			for (String org : account.organizationIds()) {
				if (amounts.headline(org, month).kind() == Headline.Kind.USAGE_NO_INVOICE) {
					withoutInvoice.add(contents.label(org));
				}
			}
		}
		return this.messages.get("summary.amount.MIXED", withoutInvoice.stream().collect(Collectors.joining(", ")));
	}

	/** A month's change against the month before, in dollars and as a share. */
	private void change(Row row, int rowIndex, BigDecimal total, BigDecimal previousTotal) {
		String current = WorkbookCells.ref(rowIndex, this.totalColumn);
		String previous = WorkbookCells.ref(rowIndex - 1, this.totalColumn);
		this.cells.moneyFormula(row, this.changeColumn, current + "-" + previous, total.subtract(previousTotal));
		if (previousTotal.signum() != 0) {
			this.cells.percentFormula(row, this.percentColumn, current + "/" + previous + "-1",
					total.doubleValue() / previousTotal.doubleValue() - 1);
		}
	}

	/**
	 * Shades a month whose total rose by more than the threshold and by more than the
	 * minimum amount over the month before: a large share of a small bill is not news.
	 */
	private void highlightJumps(Sheet sheet, CellRangeAddress range) {
		ReportSettings settings = this.summary.settings();
		String percent = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn());
		String change = WorkbookCells.ref(range.getFirstRow(), this.changeColumn);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting
			.createConditionalFormattingRule("AND(" + percent + ">" + settings.jumpThreshold().toPlainString() + ","
					+ change + ">" + settings.jumpMinAmount().toPlainString() + ")");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

	/** Sets the columns' widths from their content. */
	private void columnWidths(Sheet sheet, Row labels) {
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, List.of(this.messages.get("summary.month"),
				this.messages.get("summary.organizationId"), this.messages.get("summary.movers.organization"))));
		for (int i = 0; i < this.columns.size(); i++) {
			sheet.setColumnWidth(1 + i, this.columns.get(i).width());
		}
		for (int column = this.totalColumn; column <= this.provisionalColumn; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(14, 24, List.of(labels.getCell(column).toString())));
		}
		sheet.setColumnWidth(this.amountColumn, WorkbookCells.widthFor(14, 40, List.of("billed; usage for Acme")));
	}

	/**
	 * A column of the table: a billing account's headline, or one of its organizations'
	 * (beside an account that pays for linked ones; its cells add up to the account's).
	 *
	 * @param account the account
	 * @param organizationId the organization, the account's own id for the account column
	 * @param label the header
	 * @param accountColumn whether it is the account's column
	 * @param partsFrom for an account column with organizations beside it, the first of
	 * them (0-based among the columns); else -1
	 */
	record Column(BillingAccount account, String organizationId, String label, boolean accountColumn, int partsFrom) {

		static List<Column> of(ReportContents contents, ReportMessages messages) {
			List<Column> columns = new ArrayList<>();
			for (BillingAccount account : contents.accounts()) {
				if (!account.hasLinkedOrganizations()) {
					columns.add(new Column(account, account.id(), account.label(), true, -1));
					continue;
				}
				columns.add(new Column(account, account.id(), messages.get("summary.account", account.label()), true,
						columns.size() + 1));
				for (String org : account.organizationIds()) {
					columns.add(new Column(account, org, contents.label(org), false, -1));
				}
			}
			return columns;
		}

		/** The formula adding the account columns of a row. */
		static String sumOfAccounts(List<Column> columns, int rowIndex) {
			List<String> refs = new ArrayList<>();
			for (int i = 0; i < columns.size(); i++) {
				if (columns.get(i).accountColumn()) {
					refs.add(WorkbookCells.ref(rowIndex, 1 + i));
				}
			}
			if (refs.isEmpty()) {
				return "0";
			}
			// accounts side by side (none pays for linked ones): one range
			return (refs.size() == columns.size()) ? "SUM(" + refs.get(0) + ":" + refs.get(refs.size() - 1) + ")"
					: "SUM(" + String.join(",", refs) + ")";
		}

		void write(WorkbookCells cells, Row row, int rowIndex, int column, RoundedAmounts shown) {
			if (!this.accountColumn) {
				cells.money(row, column, shown.organization(this.organizationId));
			}
			else if (this.partsFrom < 0) {
				cells.money(row, column, shown.account(this.account.id()));
			}
			else {
				int first = 1 + this.partsFrom;
				int last = first + this.account.organizationIds().size() - 1;
				cells.moneyFormula(row, column,
						"SUM(" + WorkbookCells.ref(rowIndex, first) + ":" + WorkbookCells.ref(rowIndex, last) + ")",
						shown.account(this.account.id()));
			}
		}

		int width() {
			return WorkbookCells.widthFor(16, 34, Arrays.asList(this.label, this.organizationId));
		}

	}

}
