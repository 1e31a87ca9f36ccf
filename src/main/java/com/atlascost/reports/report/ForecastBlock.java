package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.forecast.Accrual;
import com.atlascost.reports.forecast.BillingAccount;
import com.atlascost.reports.forecast.RoundedAmounts;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.plan.Budget;

/**
 * The open month's accrual, per billing account with its organizations below, and the
 * total: the usage so far and its month-end forecast (usage, before tax), the account's
 * recent tax rate and the tax it expects, the accrual and its band, beside the monthly
 * budget and the outlook on the budgets' basis. Each column's organizations add up to
 * their account and the accounts to the total (largest remainder). Nothing when the
 * report does not reach the open month.
 */
final class ForecastBlock implements SummaryBlock {

	/**
	 * The money columns, left to right, after the name (column 0) and before the rate.
	 */
	private static final List<Function<Accrual, BigDecimal>> BEFORE_RATE = List.of(Accrual::monthToDate,
			Accrual::forecast);

	/** The money columns after the rate. */
	private static final List<Function<Accrual, BigDecimal>> AFTER_RATE = List.of(Accrual::expectedTax, Accrual::amount,
			Accrual::lowWithTax, Accrual::highWithTax);

	private static final int RATE_COLUMN = 3;

	private static final int BUDGET_COLUMN = 8;

	@Override
	public int write(SummaryContext summary, int row) {
		ReportContents contents = summary.contents();
		BillingAmounts amounts = contents.amounts();
		Optional<YearMonth> open = contents.openMonth();
		if (open.isEmpty() || amounts.accruals().isEmpty()) {
			return row;
		}
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		Accounting.BudgetBasis basis = contents.request().scope().accounting().budgetBasis();
		int rowIndex = row;
		int day = amounts.accruals().values().stream().mapToInt(Accrual::day).max().orElse(0);
		cells.title(sheet.createRow(rowIndex++), 0,
				messages.get("summary.forecast.title", open.get().toString(), day, BillingAmounts.TAX_RATE_MONTHS));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(messages.get("summary.forecast.organization"),
				messages.get("summary.forecast.monthToDate"), messages.get("summary.forecast.forecast"),
				messages.get("summary.forecast.taxRate"), messages.get("summary.forecast.tax"),
				messages.get("summary.forecast.accrual"), messages.get("summary.forecast.low"),
				messages.get("summary.forecast.high"), messages.get("summary.forecast.budget"),
				messages.get("summary.forecast.outlook", messages.get("basis." + basis.jobFileName())));
		for (int column = 0; column < headers.size(); column++) {
			cells.header(header, column, headers.get(column));
			summary.columns().add(column, headers.get(column));
		}
		List<Function<Accrual, BigDecimal>> figures = new ArrayList<>(BEFORE_RATE);
		figures.addAll(AFTER_RATE);
		List<RoundedAmounts> shown = new ArrayList<>();
		for (Function<Accrual, BigDecimal> figure : figures) {
			shown.add(RoundedAmounts.of(contents.accounts(),
					(org) -> amounts.accrual(org).map(figure).orElse(BigDecimal.ZERO)));
		}
		List<Integer> accountRows = new ArrayList<>();
		for (BillingAccount account : contents.accounts()) {
			Optional<Accrual> accrual = amounts.accountAccrual(account.id());
			if (accrual.isEmpty()) {
				continue;
			}
			accountRows.add(rowIndex);
			rowIndex = account(summary, rowIndex, account, accrual.get(), shown);
		}
		Row total = sheet.createRow(rowIndex++);
		cells.bold(total, 0, messages.get("summary.total"));
		for (int i = 0; i < figures.size(); i++) {
			int column = columnOf(i);
			cells.moneyTotalFormula(total, column, sumOf(accountRows, column), shown.get(i).total());
		}
		cells.note(sheet.createRow(rowIndex++), 0,
				messages.get("summary.forecast.note", BillingAmounts.TAX_RATE_MONTHS));
		return rowIndex + 1;
	}

	/** The sheet column of the i-th money figure: the rate sits between them. */
	private static int columnOf(int figure) {
		return (figure < BEFORE_RATE.size()) ? 1 + figure : 2 + figure;
	}

	private static String sumOf(List<Integer> rows, int column) {
		List<String> refs = rows.stream().map((r) -> WorkbookCells.ref(r, column)).toList();
		return refs.isEmpty() ? "0" : "SUM(" + String.join(",", refs) + ")";
	}

	/**
	 * An account's line, then its organizations' when it pays for linked ones.
	 * @return the row after them
	 */
	private static int account(SummaryContext summary, int row, BillingAccount account, Accrual accrual,
			List<RoundedAmounts> shown) {
		ReportContents contents = summary.contents();
		WorkbookCells cells = summary.cells();
		int rowIndex = row;
		Row line = summary.sheet().createRow(rowIndex++);
		boolean linked = account.hasLinkedOrganizations();
		summary.columns()
			.text(cells, line, 0,
					linked ? summary.messages().get("summary.account", account.label()) : account.label());
		for (int i = 0; i < shown.size(); i++) {
			cells.money(line, columnOf(i), shown.get(i).account(account.id()));
		}
		// the rate as the sheet computes it from the cells shown (the exact rate rounds
		// to the same tenth of a percent)
		String forecast = WorkbookCells.ref(line.getRowNum(), 2);
		BigDecimal shownForecast = shown.get(1).account(account.id());
		BigDecimal shownTax = shown.get(2).account(account.id());
		cells.percentFormula(line, RATE_COLUMN,
				"IF(" + forecast + "=0,0," + WorkbookCells.ref(line.getRowNum(), RATE_COLUMN + 1) + "/" + forecast
						+ ")",
				(shownForecast.signum() == 0) ? 0 : shownTax.doubleValue() / shownForecast.doubleValue());
		if (!linked) {
			budget(summary, line, account.id(), accrual);
			return rowIndex;
		}
		for (String org : account.organizationIds()) {
			Optional<Accrual> own = contents.amounts().accrual(org);
			if (own.isEmpty()) {
				continue;
			}
			Row orgLine = summary.sheet().createRow(rowIndex++);
			summary.columns().text(cells, orgLine, 0, "  " + contents.label(org));
			for (int i = 0; i < shown.size(); i++) {
				cells.money(orgLine, columnOf(i), shown.get(i).organization(org));
			}
			budget(summary, orgLine, org, own.get());
		}
		return rowIndex;
	}

	/**
	 * The organization's monthly budget and what its accrual (or forecast) says of it.
	 */
	private static void budget(SummaryContext summary, Row row, String organizationId, Accrual accrual) {
		ReportContents contents = summary.contents();
		Optional<BigDecimal> budget = contents.request()
			.scope()
			.budgets()
			.stream()
			.filter((b) -> b.projectId() == null && b.organizationId().equals(organizationId))
			.map(Budget::monthly)
			.findFirst();
		if (budget.isPresent()) {
			Accounting.BudgetBasis basis = contents.request().scope().accounting().budgetBasis();
			summary.cells().money(row, BUDGET_COLUMN, budget.get());
			summary.cells()
				.text(row, BUDGET_COLUMN + 1,
						summary.messages().get("outlook." + accrual.against(budget.get(), basis).name()));
		}
	}

}
