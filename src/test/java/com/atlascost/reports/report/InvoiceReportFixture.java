package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.InvoiceLineItem;
import com.atlascost.reports.invoice.InvoiceStatus;
import com.atlascost.reports.invoice.OrgMonth;
import com.atlascost.reports.invoice.UsageTotals;
import com.atlascost.reports.plan.TagKeys;

/**
 * Invoices for report tests: a paying organization with a linked one, sales tax, a
 * credit, an amount not itemised, a pending month, and names a spreadsheet would run as
 * formulas.
 */
final class InvoiceReportFixture {

	static final String PAYER = "aaaaaaaaaaaaaaaaaaaaaaaa";

	static final String LINKED = "bbbbbbbbbbbbbbbbbbbbbbbb";

	static final YearMonth OCT = YearMonth.of(2026, 10);

	static final YearMonth NOV = YearMonth.of(2026, 11);

	private InvoiceReportFixture() {
	}

	static InvoiceReport realistic() {
		Invoice october = new Invoice("0000000000000000000000a1", PAYER, PAYER, start(OCT), start(NOV),
				InvoiceStatus.PAID, 12_500 + 3_000, 1_000, 1_200, 12_500 + 3_000 - 1_000 + 1_200 + 50,
				List.of(line(1, "ATLAS_AWS_INSTANCE_M30", "50", "hours", "2.50", 12_500, "+cmd|' /C calc'!A0",
						"=HYPERLINK(\"x\")", Map.of("team", List.of("payments"))),
						line(2, "ATLAS_AWS_STORAGE_PROVISIONED", "300", "GB", "0.10", 3_000, "p2", null, Map.of()),
						line(3, "CREDIT", null, null, null, -1_000, null, null, Map.of())));
		Invoice linked = new Invoice("0000000000000000000000b1", LINKED, PAYER, start(OCT), start(NOV),
				InvoiceStatus.PAID, 2_000, 0, 0, 2_000, List.of(line(1, "ATLAS_AWS_DATA_TRANSFER_DIFFERENT_REGION",
						"400", "GB", "0.05", 2_000, "決済基盤", null, Map.of("team", List.of("決済")))));
		Invoice pending = new Invoice("0000000000000000000000a2", PAYER, PAYER, start(NOV), start(NOV.plusMonths(1)),
				InvoiceStatus.PENDING, 700, 0, 0, 700,
				List.of(line(1, "ATLAS_SUPPORT", null, null, null, 700, null, null, Map.of())));
		Map<String, String> labels = Map.of(PAYER, "Acme Production");
		UsageTotals usage = new UsageTotals(Map.of(new OrgMonth(PAYER, OCT), new BigDecimal("145.00"),
				new OrgMonth(PAYER, NOV), new BigDecimal("7.00")), "services grouping");
		return InvoiceReport.of(labels, List.of(october, linked, pending), usage, TagKeys.of(List.of("team")));
	}

	private static InvoiceLineItem line(int no, String sku, String quantity, String unit, String price, long cents,
			String project, String cluster, Map<String, List<String>> tags) {
		return new InvoiceLineItem(no, sku, (quantity != null) ? new BigDecimal(quantity) : null, unit,
				(price != null) ? new BigDecimal(price) : null, cents, 0, null, null,
				(project != null) ? "cccccccccccccccccccccccc" : null, project, cluster, null, new TreeMap<>(tags));
	}

	static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
	}

}
