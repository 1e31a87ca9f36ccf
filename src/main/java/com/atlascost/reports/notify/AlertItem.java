package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * One thing an alert is about: a budget exceeded, or a project or service that rose.
 *
 * @param subject what it is: "the whole organization", "project Analytics", "service
 * Clusters"
 * @param id the project's id or the service's name; {@code null} for the organization
 * @param measure "actual" or "forecast"
 * @param amount the amount measured
 * @param reference what it is compared with: the budget or the previous month
 * @param referenceName "budget" or "previous month"
 * @param sheet the workbook sheet to look at
 * @param note what else the reader needs, such as a forecast's band, or {@code null}
 */
record AlertItem(String subject, @Nullable String id, String measure, BigDecimal amount, BigDecimal reference,
		String referenceName, String sheet, @Nullable String note) {

	AlertItem(String subject, @Nullable String id, String measure, BigDecimal amount, BigDecimal reference,
			String referenceName, String sheet) {
		this(subject, id, measure, amount, reference, referenceName, sheet, null);
	}

	BigDecimal difference() {
		return this.amount.subtract(this.reference);
	}

	/** The difference as a share of the reference in percent; {@code null} from zero. */
	@Nullable BigDecimal percent() {
		if (this.reference.signum() == 0) {
			return null;
		}
		return difference().multiply(BigDecimal.valueOf(100)).divide(this.reference.abs(), 1, RoundingMode.HALF_UP);
	}

	/**
	 * "project Analytics (6a1b...): actual $2,345.67, budget $2,000.50, +$345.17 (+17.3
	 * %), sheet Budgets".
	 */
	String text() {
		BigDecimal percent = percent();
		return this.subject + ((this.id != null && !this.subject.contains(this.id)) ? " (" + this.id + ")" : "") + ": "
				+ this.measure + " " + Money.usd(this.amount) + ", " + this.referenceName + " "
				+ Money.usd(this.reference) + ", " + Money.signedUsd(difference()) + ((percent != null)
						? " (" + ((percent.signum() > 0) ? "+" : "") + percent.toPlainString() + " %)" : "")
				+ ((this.note != null) ? "; " + this.note : "") + "; see sheet " + this.sheet;
	}

}
