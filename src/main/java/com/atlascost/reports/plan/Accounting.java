package com.atlascost.reports.plan;

import java.time.YearMonth;

/**
 * How finance reads the job's amounts: when its fiscal year starts and which of the three
 * amounts (usage, billed, accrual) its budgets are held against.
 *
 * @param fiscalYearStart the month its fiscal year starts in, 1 (January) to 12
 * @param budgetBasis the amount budgets, the forecast's outlook and alerts compare
 */
public record Accounting(int fiscalYearStart, BudgetBasis budgetBasis) {

	public static final int DEFAULT_FISCAL_YEAR_START = 1;

	public Accounting {
		if (fiscalYearStart < 1 || fiscalYearStart > 12) {
			throw new IllegalArgumentException("fiscalYearStart must be 1 to 12, not " + fiscalYearStart);
		}
	}

	/** Calendar years, budgets against the bill. */
	public static Accounting defaults() {
		return new Accounting(DEFAULT_FISCAL_YEAR_START, BudgetBasis.BILLED);
	}

	/** The first month of the fiscal year a month belongs to. */
	public YearMonth fiscalYearOf(YearMonth month) {
		int back = Math.floorMod(month.getMonthValue() - this.fiscalYearStart, 12);
		return month.minusMonths(back);
	}

	/** Which amount a budget is compared with. */
	public enum BudgetBasis {

		/** The invoice (with tax and invoice-only lines); the open month's accrual. */
		BILLED("billed"),
		/** Cost Explorer's usage, before tax; the open month's usage forecast. */
		USAGE("usage");

		private final String jobFileName;

		BudgetBasis(String jobFileName) {
			this.jobFileName = jobFileName;
		}

		/** As the job file and the reports name it. */
		public String jobFileName() {
			return this.jobFileName;
		}

	}

}
