package com.atlascost.reports.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.InvoiceLineItem;
import com.atlascost.reports.invoice.InvoiceStatus;
import com.atlascost.reports.invoice.SkuFamily;

/**
 * Writes the FOCUS 1.2 dataset from the invoices' line items: RFC 4180, a header row, one
 * row per line item, a {@code Tax} row per invoice with sales tax and an
 * {@code Adjustment} row for any billed amount the lines and tax do not explain, so that
 * the rows of an invoice sum to its {@code amountBilledCents}: each charge once. The
 * caller supplies a UTF-8 writer.
 *
 * <p>
 * Values are written exactly as they are (no leading {@code '} before text a spreadsheet
 * would take for a formula): the file is data for FinOps tools, which would keep such a
 * quote as part of the name. The workbook is what people open; the README says how to
 * open this file safely.
 */
class FocusCsvWriter {

	/** FOCUS 1.2's mandatory columns, then the conditional ones we fill, then ours. */
	static final List<String> HEADER = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
			"BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
			"ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
			"InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
			"ServiceCategory", "ServiceName", "InvoiceId", "SkuId", "ListUnitPrice", "ContractedUnitPrice",
			"ConsumedQuantity", "ConsumedUnit", "SubAccountId", "SubAccountName", "ResourceId", "ResourceName", "Tags",
			"x_OrganizationId", "x_OrganizationName", "x_InvoiceStatus", "x_Provisional", "x_Note");

	static final String MONGODB = "MongoDB";

	static final String ISSUER = "MongoDB, Inc.";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

	private final JsonMapper json = JsonMapper.builder().build();

	/** Writes the rows; returns how many. */
	long write(InvoiceReport report, Writer out) throws IOException {
		CSVPrinter printer = new CSVPrinter(out, FORMAT);
		long rows = 0;
		for (Invoice invoice : report.invoices()) {
			for (InvoiceLineItem line : invoice.lineItems()) {
				printer.printRecord(lineRow(report, invoice, line));
				rows++;
			}
			if (invoice.salesTaxCents() != 0) {
				printer.printRecord(invoiceRow(report, invoice, "Tax", invoice.salesTaxCents(), "Sales tax"));
				rows++;
			}
			if (invoice.unitemisedCents() != 0) {
				printer.printRecord(invoiceRow(report, invoice, "Adjustment", invoice.unitemisedCents(),
						"Billed amount not itemised on the invoice (starting balance or credit from another month)"));
				rows++;
			}
		}
		printer.flush();
		return rows;
	}

	private List<@Nullable Object> lineRow(InvoiceReport report, Invoice invoice, InvoiceLineItem line) {
		SkuFamily family = SkuFamily.of(line.sku());
		boolean credit = family == SkuFamily.CREDIT || line.totalPriceCents() < 0;
		String billed = dollars(line.totalPriceCents());
		BigDecimal quantity = line.quantity();
		BigDecimal unitPrice = line.unitPriceDollars();
		String listCost = (quantity != null && unitPrice != null) ? exact(quantity.multiply(unitPrice))
				: dollars(line.totalPriceCents() + line.discountCents());
		// PricingQuantity and PricingUnit may not be null on a usage row: a line without
		// them is priced as one unit of itself
		String pricingQuantity = (quantity != null) ? exact(quantity) : credit ? null : "1";
		String pricingUnit = (line.unit() != null) ? line.unit() : credit ? null : "Units";
		String description = family.description() + " (" + line.sku() + ")"
				+ ((line.note() != null) ? ": " + line.note() : "");
		String resourceId = (line.clusterName() != null)
				? ((line.groupId() != null) ? line.groupId() + "/" : "") + line.clusterName() : null;
		Map<String, String> tags = new LinkedHashMap<>();
		line.tags().keySet().forEach((key) -> tags.put(key, line.tagValue(key)));
		List<@Nullable Object> row = common(report, invoice, credit ? "Credit" : "Usage", billed, description,
				(line.startDate() != null) ? line.startDate() : invoice.startDate(),
				(line.endDate() != null) ? line.endDate() : invoice.endDate());
		row.set(14, listCost);
		row.set(15, pricingQuantity);
		row.set(16, pricingUnit);
		row.set(19, family.serviceCategory());
		row.set(20, family.serviceName());
		row.set(22, line.sku());
		row.set(23, (unitPrice != null) ? exact(unitPrice) : null);
		row.set(24, (unitPrice != null) ? exact(unitPrice) : null);
		row.set(25, (quantity != null) ? exact(quantity) : null);
		row.set(26, line.unit());
		row.set(27, line.groupId());
		row.set(28, line.groupName());
		row.set(29, resourceId);
		row.set(30, line.clusterName());
		row.set(31, this.json.writeValueAsString(tags));
		row.set(36, line.note());
		return row;
	}

	private List<@Nullable Object> invoiceRow(InvoiceReport report, Invoice invoice, String category, long cents,
			String description) {
		List<@Nullable Object> row = common(report, invoice, category, dollars(cents), description, invoice.startDate(),
				invoice.endDate());
		row.set(14, dollars(cents));
		row.set(19, "Other");
		row.set(20, "Atlas");
		row.set(31, "{}");
		return row;
	}

	/** A row with the columns every row fills the same way. */
	private static List<@Nullable Object> common(InvoiceReport report, Invoice invoice, String category, String billed,
			String description, Instant chargeStart, Instant chargeEnd) {
		List<@Nullable Object> row = new ArrayList<>();
		for (int i = 0; i < HEADER.size(); i++) {
			row.add(null);
		}
		row.set(0, billed);
		row.set(1, invoice.payingOrgId());
		row.set(2, report.label(invoice.payingOrgId()));
		row.set(3, "USD");
		row.set(4, DATE_TIME.format(invoice.endDate()));
		row.set(5, DATE_TIME.format(invoice.startDate()));
		row.set(6, category);
		row.set(8, description);
		row.set(9, DATE_TIME.format(chargeEnd));
		row.set(10, DATE_TIME.format(chargeStart));
		row.set(11, billed);
		row.set(12, billed);
		row.set(13, ISSUER);
		row.set(17, MONGODB);
		row.set(18, MONGODB);
		row.set(21, invoice.id());
		row.set(32, invoice.orgId());
		row.set(33, report.label(invoice.orgId()));
		row.set(34, invoice.status().name());
		row.set(35, Boolean.toString(invoice.status() == InvoiceStatus.PENDING));
		return row;
	}

	private static String dollars(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	/** The decimal as it is, without trailing zeros (and never in exponent notation). */
	private static String exact(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return ((stripped.scale() < 0) ? stripped.setScale(0) : stripped).toPlainString();
	}

}
