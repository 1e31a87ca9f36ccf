package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.atlas.AtlasInvoice;

/**
 * Turns an invoice as Atlas sent it into a checked {@link Invoice}, with the invoices of
 * linked organizations after it. Anything the job would have to guess at (a missing
 * amount, an unknown status, lines that do not add up to the subtotal) is an
 * {@link InvalidInvoiceException} naming the organization, the invoice and the field.
 */
final class InvoiceReader {

	private InvoiceReader() {
	}

	/**
	 * The invoice and, each as an invoice of its own organization paid by this one, its
	 * linked invoices.
	 */
	static List<Invoice> read(String orgId, AtlasInvoice answer) {
		List<Invoice> invoices = new ArrayList<>();
		Invoice invoice = readOne(orgId, orgId, answer);
		invoices.add(invoice);
		for (AtlasInvoice linked : answer.linkedInvoicesOrEmpty()) {
			String linkedOrg = (linked.orgId() != null) ? linked.orgId() : "?";
			invoices.add(readOne(linkedOrg, invoice.orgId(), linked));
		}
		return invoices;
	}

	/** The status of a listed invoice, checked like a fetched one's. */
	static InvoiceStatus status(String orgId, AtlasInvoice answer) {
		String id = required(orgId, "?", "id", answer.id());
		return status(orgId, id, answer.statusName());
	}

	/** When Atlas last updated a listed invoice, if it says. */
	static @Nullable Instant updated(String orgId, AtlasInvoice answer) {
		return optionalDateTime(orgId, required(orgId, "?", "id", answer.id()), "updated", answer.updated());
	}

	private static Invoice readOne(String orgId, String payingOrgId, AtlasInvoice answer) {
		String id = required(orgId, "?", "id", answer.id());
		String owner = (answer.orgId() != null) ? answer.orgId() : orgId;
		InvoiceStatus status = status(orgId, id, answer.statusName());
		Instant start = dateTime(orgId, id, "startDate", answer.startDate());
		Instant end = dateTime(orgId, id, "endDate", answer.endDate());
		long subtotal = required(orgId, id, "subtotalCents", answer.subtotalCents());
		long billed = required(orgId, id, "amountBilledCents", answer.amountBilledCents());
		List<InvoiceLineItem> lines = new ArrayList<>();
		List<AtlasInvoice.LineItem> answered = answer.lineItemsOrEmpty();
		for (int i = 0; i < answered.size(); i++) {
			lines.add(lineItem(orgId, id, i, answered.get(i)));
		}
		long positive = lines.stream().mapToLong(InvoiceLineItem::totalPriceCents).filter((cents) -> cents > 0).sum();
		if (positive != subtotal) {
			throw new InvalidInvoiceException(orgId, id, "subtotalCents",
					subtotal + " but its positive line items add up to " + positive);
		}
		long credits = (answer.creditsCents() != null) ? answer.creditsCents() : 0L;
		long tax = (answer.salesTaxCents() != null) ? answer.salesTaxCents() : 0L;
		Instant updated = optionalDateTime(orgId, id, "updated", answer.updated());
		return new Invoice(id, owner, payingOrgId, start, end, status, subtotal, credits, tax, billed, lines, updated);
	}

	private static InvoiceLineItem lineItem(String orgId, String invoiceId, int index, AtlasInvoice.LineItem item) {
		String field = "lineItems[" + index + "].";
		long total = required(orgId, invoiceId, field + "totalPriceCents", item.totalPriceCents());
		String sku = required(orgId, invoiceId, field + "sku", item.sku());
		SortedMap<String, List<String>> tags = new TreeMap<>();
		if (item.tags() != null) {
			for (Map.Entry<String, List<String>> tag : item.tags().entrySet()) {
				if (tag.getValue() != null) {
					tags.put(tag.getKey(), tag.getValue().stream().filter((v) -> v != null).sorted().toList());
				}
			}
		}
		return new InvoiceLineItem(index + 1, sku, canonical(item.quantity()), item.unit(),
				canonical(item.unitPriceDollars()), total, (item.discountCents() != null) ? item.discountCents() : 0L,
				optionalDateTime(orgId, invoiceId, field + "startDate", item.startDate()),
				optionalDateTime(orgId, invoiceId, field + "endDate", item.endDate()), item.groupId(), item.groupName(),
				item.clusterName(), item.note(), tags);
	}

	/**
	 * The number without trailing zeros (never in exponent form), as it reads back from
	 * the database.
	 */
	static @Nullable BigDecimal canonical(@Nullable BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static InvoiceStatus status(String orgId, String id, @Nullable String name) {
		String statusName = required(orgId, id, "statusName", name);
		return InvoiceStatus.of(statusName)
			.orElseThrow(() -> new InvalidInvoiceException(orgId, id, "statusName",
					"'" + statusName + "' is not a status the specification knows"));
	}

	private static Instant dateTime(String orgId, String id, String field, @Nullable String value) {
		Instant parsed = optionalDateTime(orgId, id, field, value);
		if (parsed == null) {
			throw new InvalidInvoiceException(orgId, id, field, "is missing");
		}
		return parsed;
	}

	private static @Nullable Instant optionalDateTime(String orgId, String id, String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInvoiceException(orgId, id, field, "'" + value + "' is not an ISO 8601 date-time");
		}
	}

	private static <T> T required(String orgId, String id, String field, @Nullable T value) {
		if (value == null) {
			throw new InvalidInvoiceException(orgId, id, field, "is missing");
		}
		return value;
	}

}
