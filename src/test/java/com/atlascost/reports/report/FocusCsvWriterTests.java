package com.atlascost.reports.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static com.atlascost.reports.report.InvoiceReportFixture.LINKED;
import static com.atlascost.reports.report.InvoiceReportFixture.PAYER;
import static org.assertj.core.api.Assertions.assertThat;

/** The FOCUS 1.2 rows made from invoice line items. */
class FocusCsvWriterTests {

	@Test
	void oneRowPerLineItemPlusTaxAndUnitemisedRowsSummingToEachInvoice() throws IOException {
		List<CSVRecord> records = write(InvoiceReportFixture.realistic());
		// 3 + 1 + 1 lines, a Tax row and an Adjustment row for October's payer invoice
		assertThat(records).hasSize(7);
		Map<String, BigDecimal> byInvoice = new TreeMap<>();
		records
			.forEach((r) -> byInvoice.merge(r.get("InvoiceId"), new BigDecimal(r.get("BilledCost")), BigDecimal::add));
		assertThat(byInvoice).containsEntry("0000000000000000000000a1", new BigDecimal("157.50"))
			.containsEntry("0000000000000000000000b1", new BigDecimal("20.00"))
			.containsEntry("0000000000000000000000a2", new BigDecimal("7.00"));
		assertThat(records).extracting((r) -> r.get("ChargeCategory"))
			.containsExactly("Usage", "Usage", "Credit", "Tax", "Adjustment", "Usage", "Usage");
	}

	@Test
	void aLineItemFillsEveryMandatoryColumnExactly() throws IOException {
		CSVRecord first = write(InvoiceReportFixture.realistic()).get(0);
		assertThat(first.toMap()).containsEntry("BilledCost", "125.00")
			.containsEntry("EffectiveCost", "125.00")
			.containsEntry("ContractedCost", "125.00")
			.containsEntry("ListCost", "125")
			.containsEntry("BillingAccountId", PAYER)
			.containsEntry("BillingAccountName", "Acme Production")
			.containsEntry("BillingCurrency", "USD")
			.containsEntry("BillingPeriodStart", "2026-10-01T00:00:00Z")
			.containsEntry("BillingPeriodEnd", "2026-11-01T00:00:00Z")
			.containsEntry("ChargePeriodStart", "2026-10-01T00:00:00Z")
			.containsEntry("ChargePeriodEnd", "2026-11-01T00:00:00Z")
			.containsEntry("ChargeClass", "")
			.containsEntry("ChargeDescription", "Dedicated cluster instance hours (ATLAS_AWS_INSTANCE_M30)")
			.containsEntry("InvoiceIssuerName", "MongoDB, Inc.")
			.containsEntry("ProviderName", "MongoDB")
			.containsEntry("PublisherName", "MongoDB")
			.containsEntry("PricingQuantity", "50")
			.containsEntry("PricingUnit", "hours")
			.containsEntry("ServiceName", "Clusters")
			.containsEntry("ServiceCategory", "Databases")
			.containsEntry("SkuId", "ATLAS_AWS_INSTANCE_M30")
			.containsEntry("ListUnitPrice", "2.5")
			.containsEntry("SubAccountName", "+cmd|' /C calc'!A0")
			.containsEntry("ResourceName", "=HYPERLINK(\"x\")")
			.containsEntry("ResourceId", "cccccccccccccccccccccccc/=HYPERLINK(\"x\")")
			.containsEntry("Tags", "{\"team\":\"payments\"}")
			.containsEntry("x_Provisional", "false")
			.containsEntry("x_InvoiceStatus", "PAID");
	}

	@Test
	void creditsTaxLinkedOrganizationsAndTheOpenMonthAreMarked() throws IOException {
		List<CSVRecord> records = write(InvoiceReportFixture.realistic());
		CSVRecord credit = records.get(2);
		assertThat(credit.get("BilledCost")).isEqualTo("-10.00");
		assertThat(credit.get("ServiceName")).isEqualTo("Credits");
		assertThat(credit.get("PricingQuantity")).isEmpty();
		CSVRecord tax = records.get(3);
		assertThat(tax.get("BilledCost")).isEqualTo("12.00");
		assertThat(tax.get("ServiceCategory")).isEqualTo("Other");
		assertThat(tax.get("Tags")).isEqualTo("{}");
		CSVRecord linked = records.get(5);
		assertThat(linked.get("BillingAccountId")).isEqualTo(PAYER);
		assertThat(linked.get("x_OrganizationId")).isEqualTo(LINKED);
		assertThat(linked.get("x_OrganizationName")).isEqualTo(LINKED);
		assertThat(linked.get("SubAccountName")).isEqualTo("決済基盤");
		assertThat(linked.get("Tags")).isEqualTo("{\"team\":\"決済\"}");
		CSVRecord open = records.get(6);
		assertThat(open.get("x_Provisional")).isEqualTo("true");
		assertThat(open.get("PricingQuantity")).isEqualTo("1");
		assertThat(open.get("PricingUnit")).isEqualTo("Units");
		assertThat(open.get("ServiceName")).isEqualTo("Support");
	}

	@Test
	void withoutInvoicesTheFileIsItsHeader() throws IOException {
		StringWriter out = new StringWriter();
		assertThat(new FocusCsvWriter().write(InvoiceReport.none(), out)).isZero();
		assertThat(out.toString()).isEqualTo(String.join(",", FocusCsvWriter.HEADER) + "\r\n");
	}

	private static List<CSVRecord> write(InvoiceReport report) throws IOException {
		StringWriter out = new StringWriter();
		long rows = new FocusCsvWriter().write(report, out);
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(out.toString()))
			.getRecords();
		assertThat(records).hasSize((int) rows);
		return records;
	}

}
