package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the workbook is written ({@code report.*}); the anomaly alerts read the same
 * thresholds, so the workbook's highlights and the alerts agree.
 *
 * @param locale the language of sheet names, labels and notes: {@code en} or {@code ja}
 * @param jumpThreshold a month-over-month rise above this fraction is highlighted
 * ({@code 0.25} = 25 %)
 * @param jumpMinAmount ... and by more than this many US dollars: a 40 % rise of $12 is
 * not news
 * @param chartSeries how many of the first grouping's biggest values the trend chart
 * shows before "Other"
 */
@ConfigurationProperties("report")
@Validated
public record WorkbookProperties(
		@DefaultValue("en") @Pattern(regexp = "en|ja", message = "must be en or ja") String locale,
		@DefaultValue("0.25") @DecimalMin(value = "0", inclusive = false,
				message = "must be above 0") BigDecimal jumpThreshold,
		@DefaultValue("500") @DecimalMin(value = "0", message = "must be 0 or more") BigDecimal jumpMinAmount,
		@DefaultValue("5") @Min(value = 1, message = "must be at least 1") int chartSeries) {

	/** The workbook's language. */
	Locale language() {
		return Locale.forLanguageTag(this.locale);
	}

}
