package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.usage.StoredBill;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage side of the reconciliation is each org-month's complete bill, summed over the
 * bill's rows and never mixed between organizations or months.
 */
class UsageTotalsTests {

	private static final String PAYER = "5f0c2a3b4d5e6f7081920a1b";

	private static final String LINKED = "5f0c2a3b4d5e6f7081920b2c";

	private static final YearMonth NOV = YearMonth.of(2026, 11);

	private static final YearMonth DEC = YearMonth.of(2026, 12);

	@Test
	void eachOrgMonthIsTheSumOfItsBillRows() {
		UsageTotals totals = UsageTotals.ofBills(List.of(bill(PAYER, NOV, "100.10"), bill(PAYER, NOV, "-20.05"),
				bill(PAYER, DEC, "7.00"), bill(LINKED, NOV, "0.01")));

		assertThat(totals.of(new OrgMonth(PAYER, NOV))).isEqualByComparingTo("80.05");
		assertThat(totals.of(new OrgMonth(PAYER, DEC))).isEqualByComparingTo("7.00");
		assertThat(totals.of(new OrgMonth(LINKED, NOV))).isEqualByComparingTo("0.01");
		assertThat(totals.of(new OrgMonth(LINKED, DEC))).isNull();
		assertThat(totals.source()).isEqualTo("complete bill");
	}

	@Test
	void noBillIsNoUsageSide() {
		assertThat(UsageTotals.ofBills(List.of())).isEqualTo(UsageTotals.none());
	}

	private static StoredBill bill(String org, YearMonth month, String amount) {
		return new StoredBill(org, "label", month, new BigDecimal(amount), false);
	}

}
