package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice, checked. Amounts are integer cents, credits negative.
 *
 * @param lineNo the line's position in the invoice, from 1
 * @param sku Atlas's SKU ({@code ATLAS_AWS_INSTANCE_M30}, {@code CREDIT}, ...)
 * @param quantity how much was used, in {@code unit}
 * @param unit hours, GB, ...
 * @param unitPriceDollars the list price of one unit, US dollars
 * @param totalPriceCents what the line bills
 * @param discountCents the discount already taken off the total
 * @param startDate the start of the period the line covers
 * @param endDate the end of the period the line covers (exclusive)
 * @param groupId the project, if the line belongs to one
 * @param groupName the project's name
 * @param clusterName the cluster, if the line belongs to one
 * @param note Atlas's note on the line
 * @param tags the resource tags of the project or cluster: key to its values, sorted
 */
public record InvoiceLineItem(int lineNo, String sku, @Nullable BigDecimal quantity, @Nullable String unit,
		@Nullable BigDecimal unitPriceDollars, long totalPriceCents, long discountCents, @Nullable Instant startDate,
		@Nullable Instant endDate, @Nullable String groupId, @Nullable String groupName, @Nullable String clusterName,
		@Nullable String note, SortedMap<String, List<String>> tags) {

	/**
	 * The line's value for a tag key: its values joined by {@code ", "}, so that a line
	 * with two values of one key is counted once, under both.
	 */
	public @Nullable String tagValue(String key) {
		List<String> values = this.tags.get(key);
		return (values == null || values.isEmpty()) ? null : String.join(", ", values);
	}

}
