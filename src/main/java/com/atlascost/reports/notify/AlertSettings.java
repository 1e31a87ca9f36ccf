package com.atlascost.reports.notify;

import java.math.BigDecimal;

/**
 * When a rise is an anomaly: above both a share of the month before and an amount.
 *
 * @param jumpThreshold {@code report.jump-threshold}: the share ({@code 0.25} = 25 %),
 * the same the workbook highlights with
 * @param jumpMinAmount {@code report.jump-min-amount}: the rise in US dollars below which
 * no alert is sent, so that $3 becoming $6 stays quiet
 */
record AlertSettings(BigDecimal jumpThreshold, BigDecimal jumpMinAmount) {

	AlertSettings {
		if (jumpThreshold.signum() <= 0) {
			throw new IllegalArgumentException("report.jump-threshold must be above 0, not " + jumpThreshold);
		}
		if (jumpMinAmount.signum() < 0) {
			throw new IllegalArgumentException("report.jump-min-amount must not be negative, not " + jumpMinAmount);
		}
	}

}
