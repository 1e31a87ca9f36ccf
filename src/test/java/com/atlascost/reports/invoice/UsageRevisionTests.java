package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a stored settled invoice revised, and how the revision says it. */
class UsageRevisionTests {

	private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String PAYER = "bbbbbbbbbbbbbbbbbbbbbbbb";

	private static final Instant CLOSED_AT = Instant.parse("2026-04-01T00:00:00Z");

	private static final Instant NOW = Instant.parse("2026-06-08T06:00:00Z");

	@Test
	void theSameStatusAmountAndUpdateIsNoRevision() {
		assertThat(UsageRevision.of(stored(InvoiceStatus.PAID, 10_000, CLOSED_AT),
				invoice(InvoiceStatus.PAID, 10_000, CLOSED_AT), NOW))
			.isNull();
	}

	@Test
	void aLateChargeChangesTheBilledAmountAndTheUpdate() {
		Instant posted = Instant.parse("2026-06-07T12:00:00Z");
		UsageRevision revision = UsageRevision.of(stored(InvoiceStatus.PAID, 10_000, CLOSED_AT),
				invoice(InvoiceStatus.PAID, 14_567, posted), NOW);
		assertThat(revision).isNotNull();
		assertThat(revision.organizationId()).isEqualTo(ORG);
		assertThat(revision.billingAccountId()).isEqualTo(PAYER);
		assertThat(revision.month()).isEqualTo(YearMonth.of(2026, 3));
		assertThat(revision.oldBilled()).isEqualTo(new BigDecimal("100.00"));
		assertThat(revision.newBilled()).isEqualTo(new BigDecimal("145.67"));
		assertThat(revision.detectedAt()).isEqualTo(NOW);
		assertThat(revision.refetchedAt()).isNull();
		assertThat(revision.reason())
			.isEqualTo("billed 100.00 -> 145.67; updated 2026-04-01T00:00:00Z -> 2026-06-07T12:00:00Z");
	}

	@Test
	void aStatusThatMovesOnIsARevisionAndAnUnknownUpdateIsNotCompared() {
		UsageRevision revision = UsageRevision.of(stored(InvoiceStatus.CLOSED, 10_000, null),
				invoice(InvoiceStatus.PAID, 10_000, CLOSED_AT), NOW);
		assertThat(revision).isNotNull();
		assertThat(revision.reason()).isEqualTo("status CLOSED -> PAID");
		assertThat(revision.oldStatus()).isEqualTo(InvoiceStatus.CLOSED);
		assertThat(revision.newStatus()).isEqualTo(InvoiceStatus.PAID);
	}

	private static InvoiceStore.SettledInvoice stored(InvoiceStatus status, long billedCents, Instant updated) {
		return new InvoiceStore.SettledInvoice(ORG, PAYER, YearMonth.of(2026, 3), status, billedCents, updated);
	}

	private static Invoice invoice(InvoiceStatus status, long billedCents, Instant updated) {
		return new Invoice("cccccccccccccccccccccccc", ORG, PAYER, Instant.parse("2026-03-01T00:00:00Z"), CLOSED_AT,
				status, billedCents, 0, 0, billedCents, List.of(), updated);
	}

}
