package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;

import com.atlascost.reports.plan.Accounting;

/**
 * The open month's accrual of one organization: what its invoice is expected to come to.
 * The month to date and the month-end forecast are usage (Cost Explorer, before tax); the
 * expected tax is the forecast at the billing account's recent tax rate. Exact amounts,
 * rounded once where shown.
 *
 * @param organizationId the organization
 * @param month the open month
 * @param day the day of the month the month to date was known on
 * @param monthToDate the usage so far
 * @param forecast the month-end usage forecast (the month to date when there is none)
 * @param low the forecast band's low end
 * @param high the forecast band's high end
 * @param taxRate the billing account's recent rate of tax on the pre-tax bill
 * @param forecasted whether the forecast is a forecast, not the month to date alone
 */
public record Accrual(String organizationId, YearMonth month, int day, BigDecimal monthToDate, BigDecimal forecast,
		BigDecimal low, BigDecimal high, BigDecimal taxRate, boolean forecasted) {

	private static final MathContext MATH = MathContext.DECIMAL64;

	static Accrual of(MonthEndForecast forecast, BigDecimal taxRate) {
		return new Accrual(forecast.organizationId(), forecast.month(), forecast.day(), forecast.monthToDate(),
				forecast.forecast(), forecast.low(), forecast.high(), taxRate, true);
	}

	/** Without a forecast: the month to date alone, at the account's tax rate. */
	static Accrual monthToDateOnly(String organizationId, YearMonth month, BigDecimal monthToDate, BigDecimal taxRate) {
		return new Accrual(organizationId, month, 0, monthToDate, monthToDate, monthToDate, monthToDate, taxRate,
				false);
	}

	/** The forecast's usage still to come this month. */
	public BigDecimal restOfMonth() {
		return this.forecast.subtract(this.monthToDate);
	}

	/** The tax the invoice is expected to add, exact. */
	public BigDecimal expectedTax() {
		return this.forecast.multiply(this.taxRate, MATH);
	}

	/** The accrual: the month-end forecast and its expected tax. */
	public BigDecimal amount() {
		return this.forecast.add(expectedTax());
	}

	/** The month to date with its expected tax: billed so far, as far as it is known. */
	public BigDecimal monthToDateWithTax() {
		return this.monthToDate.add(this.monthToDate.multiply(this.taxRate, MATH));
	}

	/** The band's low end with its tax. */
	public BigDecimal lowWithTax() {
		return this.low.add(this.low.multiply(this.taxRate, MATH));
	}

	/** The band's high end with its tax. */
	public BigDecimal highWithTax() {
		return this.high.add(this.high.multiply(this.taxRate, MATH));
	}

	/** Adds another organization's accrual of the same month: a billing account's. */
	Accrual plus(Accrual other, String accountId) {
		return new Accrual(accountId, this.month, Math.max(this.day, other.day),
				this.monthToDate.add(other.monthToDate), this.forecast.add(other.forecast), this.low.add(other.low),
				this.high.add(other.high), this.taxRate, this.forecasted && other.forecasted);
	}

	/**
	 * What the accrual (budgets on the bill) or the usage forecast (budgets on usage)
	 * says of a monthly budget.
	 */
	public BudgetOutlook against(BigDecimal budget, Accounting.BudgetBasis basis) {
		return (basis == Accounting.BudgetBasis.USAGE)
				? BudgetOutlook.of(this.forecast, this.high, this.monthToDate, budget)
				: BudgetOutlook.of(amount(), highWithTax(), monthToDateWithTax(), budget);
	}

	/** The expected month-end amount on a budget's basis. */
	public BigDecimal expected(Accounting.BudgetBasis basis) {
		return (basis == Accounting.BudgetBasis.USAGE) ? this.forecast : amount();
	}

	/** The amount so far on a budget's basis. */
	public BigDecimal soFar(Accounting.BudgetBasis basis) {
		return (basis == Accounting.BudgetBasis.USAGE) ? this.monthToDate : monthToDateWithTax();
	}

	/** The band's low end on a budget's basis. */
	public BigDecimal low(Accounting.BudgetBasis basis) {
		return (basis == Accounting.BudgetBasis.USAGE) ? this.low : lowWithTax();
	}

	/** The band's high end on a budget's basis. */
	public BigDecimal high(Accounting.BudgetBasis basis) {
		return (basis == Accounting.BudgetBasis.USAGE) ? this.high : highWithTax();
	}

}
