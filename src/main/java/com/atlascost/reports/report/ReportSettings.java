package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the workbook is written: the {@link WorkbookProperties} as bound, and how many rows
 * a detail sheet takes.
 *
 * @param locale the language of sheet names, labels and notes
 * @param jumpThreshold a month-over-month rise above this fraction is highlighted
 * @param jumpMinAmount ... and by more than this many US dollars
 * @param chartSeries the trend chart's series before "Other"
 * @param detailRowsPerSheet rows per detail sheet before the next one starts; Excel's
 * limit less the header unless a test wants to see the split
 */
record ReportSettings(Locale locale, BigDecimal jumpThreshold, BigDecimal jumpMinAmount, int chartSeries,
		int detailRowsPerSheet) {

	/** Excel's 1,048,576 rows per sheet, less the header row. */
	static final int EXCEL_DATA_ROWS = 1_048_575;

	static ReportSettings of(WorkbookProperties properties) {
		return new ReportSettings(properties.language(), properties.jumpThreshold(), properties.jumpMinAmount(),
				properties.chartSeries(), EXCEL_DATA_ROWS);
	}

	ReportSettings {
		if (detailRowsPerSheet < 1 || detailRowsPerSheet > EXCEL_DATA_ROWS) {
			throw new IllegalArgumentException("detail rows per sheet must be 1 to " + EXCEL_DATA_ROWS);
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
