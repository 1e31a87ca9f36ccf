package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A {@code BillingInvoice} (or, from a list, its {@code BillingInvoiceMetadata}) as Atlas
 * sends it: every field may be missing, amounts are integer cents. The {@code invoice}
 * package checks it before anything is stored. {@code updated} is when Atlas last updated
 * the invoice: a settled one that changes later is a revision.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AtlasInvoice(@Nullable String id, @Nullable String orgId, @Nullable String startDate,
		@Nullable String endDate, @Nullable String statusName, @Nullable Long subtotalCents,
		@Nullable Long creditsCents, @Nullable Long salesTaxCents, @Nullable Long amountBilledCents,
		@Nullable Long amountPaidCents, @Nullable List<LineItem> lineItems, @Nullable List<AtlasInvoice> linkedInvoices,
		@Nullable String updated) {

	public List<LineItem> lineItemsOrEmpty() {
		return (this.lineItems != null) ? this.lineItems : List.of();
	}

	public List<AtlasInvoice> linkedInvoicesOrEmpty() {
		return (this.linkedInvoices != null) ? this.linkedInvoices : List.of();
	}

	/** An {@code InvoiceLineItem}; {@code tags} maps each tag key to its values. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LineItem(@Nullable String sku, @Nullable BigDecimal quantity, @Nullable String unit,
			@Nullable BigDecimal unitPriceDollars, @Nullable Long totalPriceCents, @Nullable Long discountCents,
			@Nullable String startDate, @Nullable String endDate, @Nullable String groupId, @Nullable String groupName,
			@Nullable String clusterName, @Nullable String note, @Nullable Map<String, List<String>> tags) {
	}

}
