package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.invoice.ReconciliationLine.Kind;
import com.atlascost.reports.plan.TagKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a month's difference between Cost Explorer and the invoice. */
class ReconcilerTests {

	private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String OTHER = "bbbbbbbbbbbbbbbbbbbbbbbb";

	private static final YearMonth MARCH = YearMonth.of(2026, 3);

	@Test
	void aFullyItemisedInvoiceMatchingTheUsageReconciles() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.PAID, 0, 0, line(1, "ATLAS_AWS_INSTANCE_M30", 10_000, null),
				line(2, "CREDIT", -2_500, null));
		ReconciliationLine line = Reconciler.reconcile(List.of(ORG), List.of(invoice), usage(ORG, "75.00")).get(0);
		assertThat(line.reconciled()).isTrue();
		assertThat(line.flagged()).isFalse();
		assertThat(line.difference()).isEqualByComparingTo("0");
		assertThat(line.reasons()).isEmpty();
		assertThat(line.reason()).isEqualTo("matches");
		assertThat(line.subtotal()).isEqualByComparingTo("100.00");
		assertThat(line.credits()).isEqualTo(new BigDecimal("-25.00"));
		assertThat(line.billed()).isEqualByComparingTo("75.00");
		assertThat(line.billingAccountId()).isEqualTo(ORG);
	}

	@Test
	void taxNotedLinesAndUnitemisedAmountsExplainTheDifferenceToTheCent() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.CLOSED, 825, 300,
				line(1, "ATLAS_AWS_INSTANCE_M30", 10_000, null), line(2, "ATLAS_SUPPORT", 15_000, "Support true-up"));
		ReconciliationLine line = Reconciler.reconcile(List.of(ORG), List.of(invoice), usage(ORG, "100.00")).get(0);
		assertThat(line.reconciled()).isTrue();
		assertThat(line.flagged()).isFalse();
		assertThat(line.unexplained()).isEmpty();
		assertThat(line.billed()).isEqualTo(new BigDecimal("261.25"));
		assertThat(line.difference()).isEqualTo(new BigDecimal("-161.25"));
		assertThat(line.reasons()).extracting(ReconciliationLine.Reason::kind)
			.containsExactly(Kind.SALES_TAX, Kind.NOTED_LINES, Kind.UNITEMISED);
		assertThat(line.reasons()).extracting(ReconciliationLine.Reason::amount)
			.containsExactly(new BigDecimal("8.25"), new BigDecimal("150.00"), new BigDecimal("3.00"));
		assertThat(line.reason())
			.isEqualTo("sales tax 8.25; noted lines 150.00: ATLAS_SUPPORT \"Support true-up\"; unitemised 3.00");
	}

	@Test
	void taxAloneExplainsATaxedMonth() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.PAID, 67_970, 0,
				line(1, "ATLAS_AWS_INSTANCE_M30", 843_880, null), line(2, "CREDIT", -20_000, null));
		ReconciliationLine line = Reconciler.reconcile(List.of(ORG), List.of(invoice), usage(ORG, "8238.80")).get(0);
		assertThat(line.reconciled()).isTrue();
		assertThat(line.difference()).isEqualTo(new BigDecimal("-679.70"));
		assertThat(line.credits()).isEqualTo(new BigDecimal("-200.00"));
		assertThat(line.reason()).isEqualTo("sales tax 679.70");
	}

	@Test
	void aLineWithoutANoteThatCostExplorerDoesNotShowIsFlaggedWithItsAmount() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.PAID, 825, 0,
				line(1, "ATLAS_AWS_INSTANCE_M30", 10_000, null), line(2, "ATLAS_AWS_PRIVATE_ENDPOINT", 1_234, null),
				line(3, "ATLAS_SUPPORT", 15_000, "Support true-up"));
		ReconciliationLine line = Reconciler.reconcile(List.of(ORG), List.of(invoice), usage(ORG, "100.004")).get(0);
		assertThat(line.reconciled()).isFalse();
		assertThat(line.flagged()).isTrue();
		assertThat(line.unexplained()).contains(new BigDecimal("12.34"));
		assertThat(line.reason())
			.isEqualTo("sales tax 8.25; noted lines 150.00: ATLAS_SUPPORT \"Support true-up\"; unexplained 12.34");
	}

	@Test
	void usageAboveTheInvoiceIsANegativeUnexplainedRest() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.PAID, 0, 0, line(1, "ATLAS_AWS_INSTANCE_M30", 10_000, null));
		ReconciliationLine line = Reconciler.reconcile(List.of(ORG), List.of(invoice), usage(ORG, "100.005")).get(0);
		assertThat(line.unexplained()).contains(new BigDecimal("-0.01"));
		assertThat(line.reason()).isEqualTo("unexplained -0.01");
	}

	@Test
	void theOpenMonthIsNeverFlaggedAndAMonthWithoutUsageIsNotReconciled() {
		Invoice pending = invoice("i1", ORG, InvoiceStatus.PENDING, 0, 0,
				line(1, "ATLAS_AWS_INSTANCE_M30", 10_000, null));
		Invoice other = invoice("i2", OTHER, InvoiceStatus.PAID, 0, 0, line(1, "ATLAS_AWS_INSTANCE_M30", 500, null));
		List<ReconciliationLine> lines = Reconciler.reconcile(List.of(ORG, OTHER), List.of(pending, other),
				usage(ORG, "90.00"));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).provisional()).isTrue();
		assertThat(lines.get(0).reasons()).extracting(ReconciliationLine.Reason::kind)
			.containsExactly(Kind.OPEN_MONTH, Kind.UNEXPLAINED);
		assertThat(lines.get(0).reason()).isEqualTo("open month; unexplained 10.00");
		assertThat(lines.get(0).reconciled()).isFalse();
		assertThat(lines.get(0).flagged()).isFalse();
		assertThat(lines.get(1).usage()).isNull();
		assertThat(lines.get(1).difference()).isNull();
		assertThat(lines.get(1).reconciled()).isFalse();
		assertThat(lines.get(1).flagged()).isFalse();
		assertThat(lines.get(1).reason()).isEqualTo("no usage");
	}

	@Test
	void eachTagKeyAddsUpToTheBilledAmountWithUntagged() {
		Invoice invoice = invoice("i1", ORG, InvoiceStatus.PAID, 700, 0,
				tagged(1, 10_000, Map.of("team", List.of("payments"), "env", List.of("prod"))),
				tagged(2, 5_000, Map.of("team", List.of("search", "web"))), line(3, "CREDIT", -1_000, null));
		List<TagLine> team = TagTotals.of(List.of(ORG), List.of(invoice), TagKeys.of(List.of("team", "owner")));
		assertThat(team).extracting(TagLine::key, TagLine::value, TagLine::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("team", "payments", new BigDecimal("100.00")),
					org.assertj.core.groups.Tuple.tuple("team", "search, web", new BigDecimal("50.00")),
					org.assertj.core.groups.Tuple.tuple("team", TagTotals.UNTAGGED, new BigDecimal("-3.00")),
					org.assertj.core.groups.Tuple.tuple("owner", TagTotals.UNTAGGED, new BigDecimal("147.00")));
		List<TagLine> all = TagTotals.of(List.of(ORG), List.of(invoice), TagKeys.allKeys());
		assertThat(all).extracting(TagLine::key).containsExactly("env", "env", "team", "team", "team");
		Map<String, BigDecimal> byKey = new TreeMap<>();
		all.forEach((line) -> byKey.merge(line.key(), line.amount(), BigDecimal::add));
		assertThat(byKey).allSatisfy((key, total) -> assertThat(total).isEqualByComparingTo("147.00"));
		assertThat(TagTotals.of(List.of(ORG), List.of(invoice), TagKeys.none())).isEmpty();
	}

	@Test
	void skuFamiliesGiveFocusServiceNamesAndCategories() {
		assertThat(SkuFamily.of("ATLAS_AWS_INSTANCE_M30")).isEqualTo(SkuFamily.CLUSTERS);
		assertThat(SkuFamily.of("ATLAS_AWS_BACKUP_SNAPSHOT_STORAGE")).isEqualTo(SkuFamily.BACKUP);
		assertThat(SkuFamily.of("ATLAS_AWS_STORAGE_PROVISIONED").serviceCategory()).isEqualTo("Storage");
		assertThat(SkuFamily.of("ATLAS_GCP_DATA_TRANSFER_INTERNET").serviceCategory()).isEqualTo("Networking");
		assertThat(SkuFamily.of("ATLAS_SUPPORT").serviceName()).isEqualTo("Support");
		assertThat(SkuFamily.of("CREDIT")).isEqualTo(SkuFamily.CREDIT);
		assertThat(SkuFamily.of("ATLAS_SERVERLESS_RPU").serviceName()).isEqualTo("Serverless Instances");
		assertThat(SkuFamily.of("REALM_APP_REQUESTS").serviceCategory()).isEqualTo("Developer Tools");
		assertThat(SkuFamily.of("SOMETHING_NEW")).isEqualTo(SkuFamily.OTHER);
		assertThat(SkuFamily.OTHER.description()).isNotBlank();
	}

	private static UsageTotals usage(String org, String amount) {
		return new UsageTotals(Map.of(new OrgMonth(org, MARCH), new BigDecimal(amount)), "test");
	}

	static Invoice invoice(String id, String org, InvoiceStatus status, long taxCents, long unitemisedCents,
			InvoiceLineItem... lines) {
		long all = 0;
		long positive = 0;
		long credits = 0;
		for (InvoiceLineItem line : lines) {
			all += line.totalPriceCents();
			positive += Math.max(0, line.totalPriceCents());
			credits -= Math.min(0, line.totalPriceCents());
		}
		return new Invoice(id, org, org, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
				status, positive, credits, taxCents, all + taxCents + unitemisedCents, List.of(lines));
	}

	static InvoiceLineItem line(int no, String sku, long cents, String note) {
		return new InvoiceLineItem(no, sku, null, null, null, cents, 0, null, null, null, null, null, note,
				new TreeMap<>());
	}

	static InvoiceLineItem tagged(int no, long cents, Map<String, List<String>> tags) {
		return new InvoiceLineItem(no, "ATLAS_AWS_INSTANCE_M30", new BigDecimal("4"), "hours", new BigDecimal("0.25"),
				cents, 0, null, null, "cccccccccccccccccccccccc", "payments", "ledger", null, new TreeMap<>(tags));
	}

}
