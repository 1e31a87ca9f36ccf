package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the workbook is written.
 *
 * @param locale the language of sheet names, labels and notes ({@code report.locale},
 * {@code en} or {@code ja})
 * @param jumpThreshold a month-over-month rise above this fraction is highlighted
 * ({@code report.jump-threshold}, {@code 0.25} = 25 %)
 * @param jumpMinAmount ... and by more than this many US dollars
 * ({@code report.jump-min-amount}, default 500): a 40 % rise of $12 is not news
 * @param chartSeries how many of the first grouping's biggest values the trend chart
 * shows before "Other" ({@code report.chart-series})
 * @param detailRowsPerSheet rows per detail sheet before the next one starts; Excel's
 * limit less the header unless a test wants to see the split
 */
record ReportSettings(Locale locale, BigDecimal jumpThreshold, BigDecimal jumpMinAmount, int chartSeries,
		int detailRowsPerSheet) {

	/** Excel's 1,048,576 rows per sheet, less the header row. */
	static final int EXCEL_DATA_ROWS = 1_048_575;

	static final BigDecimal DEFAULT_JUMP_MIN_AMOUNT = new BigDecimal("500");

	static ReportSettings defaults() {
		return new ReportSettings(Locale.ENGLISH, new BigDecimal("0.25"), DEFAULT_JUMP_MIN_AMOUNT, 5, EXCEL_DATA_ROWS);
	}

	ReportSettings {
		if (detailRowsPerSheet < 1 || detailRowsPerSheet > EXCEL_DATA_ROWS) {
			throw new IllegalArgumentException("detail rows per sheet must be 1 to " + EXCEL_DATA_ROWS);
		}
		if (chartSeries < 1) {
			throw new IllegalArgumentException("report.chart-series must be at least 1, not " + chartSeries);
		}
		if (jumpThreshold.signum() <= 0) {
			throw new IllegalArgumentException("report.jump-threshold must be above 0, not " + jumpThreshold);
		}
		if (jumpMinAmount.signum() < 0) {
			throw new IllegalArgumentException("report.jump-min-amount must not be negative, not " + jumpMinAmount);
		}
	}

	ReportMessages messages() {
		return new ReportMessages(this.locale);
	}

	/** The threshold as the notes write it: {@code 25%}. */
	String jumpPercent() {
		return this.jumpThreshold.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** The minimum rise as the notes write it: {@code $500}. */
	String jumpAmount() {
		return "$" + this.jumpMinAmount.stripTrailingZeros().toPlainString();
	}

}
