package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.atlas.AtlasInvoice;
import com.atlascost.reports.atlas.AtlasJson;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxInvoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoices as the sandbox serves them, read and checked. */
class InvoiceReaderTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);

	private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	private final SandboxData data = new SandboxData(CLOCK);

	private final SandboxInvoices invoices = new SandboxInvoices(this.data, CLOCK);

	@Test
	void aPayingOrganizationsInvoiceIsReadWithItsLinkedInvoiceBelongingToTheLinkedOrganization() {
		List<Invoice> read = InvoiceReader.read(SandboxData.ACME_PRODUCTION,
				answer(this.invoices.invoice(SandboxData.ACME_PRODUCTION, OCTOBER)));

		assertThat(read).hasSize(2);
		Invoice own = read.get(0);
		Invoice linked = read.get(1);
		assertThat(own.orgId()).isEqualTo(SandboxData.ACME_PRODUCTION);
		assertThat(own.payingOrgId()).isEqualTo(SandboxData.ACME_PRODUCTION);
		assertThat(linked.orgId()).isEqualTo(SandboxData.ACME_SANDBOX);
		assertThat(linked.payingOrgId()).isEqualTo(SandboxData.ACME_PRODUCTION);
		assertThat(own.id()).isEqualTo(SandboxInvoices.invoiceId(SandboxData.ACME_PRODUCTION, OCTOBER));
		assertThat(own.month()).isEqualTo(OCTOBER);
		assertThat(own.status()).isEqualTo(InvoiceStatus.CLOSED);
		// one line per usage charge, plus October's support true-up
		List<SandboxData.LineItem> usage = this.data.lineItems(SandboxData.ACME_PRODUCTION, OCTOBER);
		assertThat(own.lineItems()).hasSize(usage.size() + 1);
		long usageCents = usage.stream().mapToLong((item) -> item.amount().movePointRight(2).longValueExact()).sum();
		assertThat(own.lineItemsCents()).isEqualTo(usageCents + SandboxInvoices.TRUE_UP_CENTS);
		assertThat(own.amountBilledCents()).isEqualTo(own.lineItemsCents());
		assertThat(own.unitemisedCents()).isZero();
		InvoiceLineItem cluster = own.lineItems()
			.stream()
			.filter((line) -> "payments-ledger".equals(line.clusterName()))
			.filter((line) -> line.sku().equals("ATLAS_AWS_INSTANCE_M30"))
			.findFirst()
			.orElseThrow();
		assertThat(cluster.tags()).containsEntry("team", List.of("payments")).containsEntry("env", List.of("prod"));
		assertThat(cluster.quantity().multiply(cluster.unitPriceDollars()))
			.isEqualByComparingTo(BigDecimal.valueOf(cluster.totalPriceCents(), 2));
		assertThat(cluster.unit()).isEqualTo("hours");
		InvoiceLineItem credit = own.lineItems()
			.stream()
			.filter((line) -> line.sku().equals("CREDIT"))
			.findFirst()
			.orElseThrow();
		assertThat(credit.totalPriceCents()).isNegative();
		assertThat(own.creditsCents()).isEqualTo(-credit.totalPriceCents());
	}

	@Test
	void taxIsReadAndTheOpenMonthIsPending() {
		Invoice analytics = InvoiceReader
			.read(SandboxData.ACME_ANALYTICS, answer(this.invoices.invoice(SandboxData.ACME_ANALYTICS, OCTOBER)))
			.get(0);
		assertThat(analytics.salesTaxCents()).isPositive();
		assertThat(analytics.amountBilledCents()).isEqualTo(analytics.lineItemsCents() + analytics.salesTaxCents());
		Invoice open = InvoiceReader
			.read(SandboxData.ACME_ANALYTICS,
					answer(this.invoices.invoice(SandboxData.ACME_ANALYTICS, YearMonth.of(2026, 11))))
			.get(0);
		assertThat(open.status()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(open.status().settled()).isFalse();
		assertThat(analytics.status().settled()).isTrue();
	}

	@Test
	void linesThatDoNotAddUpToTheSubtotalAreRefusedNamingOrgInvoiceAndField() {
		this.invoices.damage(SandboxData.ACME_ANALYTICS, OCTOBER, SandboxInvoices.Damage.SUBTOTAL_MISMATCH);
		String id = SandboxInvoices.invoiceId(SandboxData.ACME_ANALYTICS, OCTOBER);
		assertThatThrownBy(() -> InvoiceReader.read(SandboxData.ACME_ANALYTICS,
				answer(this.invoices.invoice(SandboxData.ACME_ANALYTICS, OCTOBER))))
			.isInstanceOf(InvalidInvoiceException.class)
			.hasMessageContaining("org " + SandboxData.ACME_ANALYTICS)
			.hasMessageContaining("invoice " + id)
			.hasMessageContaining("subtotalCents");
	}

	@Test
	void aLineWithoutAmountIsRefused() {
		this.invoices.damage(SandboxData.ACME_ANALYTICS, OCTOBER, SandboxInvoices.Damage.LINE_WITHOUT_AMOUNT);
		assertThatThrownBy(() -> InvoiceReader.read(SandboxData.ACME_ANALYTICS,
				answer(this.invoices.invoice(SandboxData.ACME_ANALYTICS, OCTOBER))))
			.isInstanceOf(InvalidInvoiceException.class)
			.hasMessageContaining("invoice " + SandboxInvoices.invoiceId(SandboxData.ACME_ANALYTICS, OCTOBER))
			.hasMessageContaining("lineItems[0].totalPriceCents: is missing");
	}

	@Test
	void anUnknownStatusIsRefusedAlreadyInTheListing() {
		this.invoices.damage(SandboxData.ACME_ANALYTICS, OCTOBER, SandboxInvoices.Damage.UNKNOWN_STATUS);
		AtlasInvoice listed = answer(this.invoices.invoice(SandboxData.ACME_ANALYTICS, OCTOBER));
		assertThatThrownBy(() -> InvoiceReader.status(SandboxData.ACME_ANALYTICS, listed))
			.isInstanceOf(InvalidInvoiceException.class)
			.hasMessageContaining("statusName: 'ON_HOLD'");
	}

	@Test
	void missingDatesAndMalformedDatesAreRefused() {
		Map<String, Object> invoice = new LinkedHashMap<>(this.invoices.invoice(SandboxData.ACME_ANALYTICS, OCTOBER));
		invoice.put("startDate", "October");
		assertThatThrownBy(() -> InvoiceReader.read(SandboxData.ACME_ANALYTICS, answer(invoice)))
			.hasMessageContaining("startDate: 'October' is not an ISO 8601 date-time");
		invoice.remove("startDate");
		assertThatThrownBy(() -> InvoiceReader.read(SandboxData.ACME_ANALYTICS, answer(invoice)))
			.hasMessageContaining("startDate: is missing");
		invoice.put("startDate", "2026-10-01");
		invoice.remove("amountBilledCents");
		assertThatThrownBy(() -> InvoiceReader.read(SandboxData.ACME_ANALYTICS, answer(invoice)))
			.hasMessageContaining("amountBilledCents: is missing");
	}

	@Test
	void anInvoiceWithoutLinesOrTaxFieldsReadsAsZero() {
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("id", "0123456789abcdef01234567");
		invoice.put("startDate", "2026-10-01T00:00:00Z");
		invoice.put("endDate", "2026-11-01T00:00:00Z");
		invoice.put("statusName", "FREE");
		invoice.put("subtotalCents", 0);
		invoice.put("amountBilledCents", 0);
		invoice.put("lineItems", new ArrayList<>());
		Invoice read = InvoiceReader.read(SandboxData.ACME_ANALYTICS, answer(invoice)).get(0);
		assertThat(read.salesTaxCents()).isZero();
		assertThat(read.creditsCents()).isZero();
		assertThat(read.orgId()).isEqualTo(SandboxData.ACME_ANALYTICS);
		assertThat(read.lineItems()).isEmpty();
	}

	static AtlasInvoice answer(Map<String, Object> json) {
		return AtlasJson.mapper().convertValue(json, AtlasInvoice.class);
	}

}
