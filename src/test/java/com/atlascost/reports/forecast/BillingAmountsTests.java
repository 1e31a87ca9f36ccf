package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.InvoiceStatus;
import com.atlascost.reports.invoice.LargestRemainder;
import com.atlascost.reports.plan.Accounting.BudgetBasis;
import com.atlascost.reports.usage.StoredBill;

import static org.assertj.core.api.Assertions.assertThat;

class BillingAmountsTests {

	private static final String PAYER = "5f0c2a3b4d5e6f7081920a1b";

	private static final String LINKED = "5f0c2a3b4d5e6f7081920c3d";

	private static final String OWN = "5f0c2a3b4d5e6f7081920b2c";

	private static final YearMonth OPEN = YearMonth.of(2026, 12);

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	private final BillingAmounts amounts = BillingAmounts.of(labels(),
			List.of(bill(PAYER, NOVEMBER, "1400.00"), bill(LINKED, NOVEMBER, "480.00"), bill(OWN, NOVEMBER, "812.345"),
					bill(OWN, OPEN, "100.00")),
			List.of(invoice("i08", PAYER, YearMonth.of(2026, 8), 100000, 0),
					invoice("i09", PAYER, YearMonth.of(2026, 9), 110000, 10000),
					invoice("i10", PAYER, YearMonth.of(2026, 10), 220000, 20000),
					invoice("i11", PAYER, NOVEMBER, 165000, 15000), invoice("l11", LINKED, NOVEMBER, 55000, 5000),
					invoice("i12", PAYER, OPEN, 3000, 0)),
			List.of(forecast(PAYER, "300.00", "1000.00", "900.00", "1200.00"),
					forecast(LINKED, "10.00", "33.33", "30.00", "40.00")),
			Optional.of(OPEN));

	@Test
	void aLinkedOrganizationIsReportedUnderTheAccountThatPaysItsInvoices() {
		assertThat(this.amounts.accounts()).containsExactly(new BillingAccount(OWN, "Acme Analytics", List.of(OWN)),
				new BillingAccount(PAYER, "Acme Production", List.of(PAYER, LINKED)));
		assertThat(this.amounts.accountOf(LINKED).id()).isEqualTo(PAYER);
		// not in the job file: its id until discovery names it
		assertThat(this.amounts.label(LINKED)).isEqualTo(LINKED);
	}

	@Test
	void aClosedMonthHeadlinesTheBilledAmountOfTheAccountsInvoicesLinkedOnesIncluded() {
		assertThat(this.amounts.headline(PAYER, NOVEMBER))
			.isEqualTo(new Headline(new BigDecimal("1650.00"), Headline.Kind.BILLED));
		assertThat(this.amounts.headline(LINKED, NOVEMBER))
			.isEqualTo(new Headline(new BigDecimal("550.00"), Headline.Kind.BILLED));
		Headline account = this.amounts.accountHeadline(PAYER, NOVEMBER);
		assertThat(account.amount()).isEqualByComparingTo("2200.00");
		assertThat(account.kind()).isEqualTo(Headline.Kind.BILLED);
		assertThat(this.amounts.usage(PAYER, NOVEMBER)).isEqualByComparingTo("1400.00");
	}

	@Test
	void aClosedMonthWithoutAnInvoiceFallsBackToUsageMarked() {
		assertThat(this.amounts.headline(OWN, NOVEMBER))
			.isEqualTo(new Headline(new BigDecimal("812.345"), Headline.Kind.USAGE_NO_INVOICE));
		Headline all = this.amounts.headline(NOVEMBER);
		assertThat(all.amount()).isEqualByComparingTo("3012.345");
		assertThat(all.kind()).isEqualTo(Headline.Kind.MIXED);
	}

	@Test
	void theTaxRateIsLearnedFromTheAccountsLastThreeClosedInvoicedMonths() {
		assertThat(BillingAmounts.TAX_RATE_MONTHS).isEqualTo(3);
		// September to November: 500.00 tax on 5,000.00 before tax; August (no tax) and
		// the open month's pending invoice do not count
		assertThat(this.amounts.taxRates().get(PAYER)).isEqualByComparingTo("0.1");
		assertThat(this.amounts.taxRates().get(OWN)).isEqualByComparingTo("0");
	}

	@Test
	void theOpenMonthHeadlinesTheAccrualWithItsBand() {
		Accrual payer = this.amounts.accrual(PAYER).orElseThrow();
		assertThat(payer.monthToDate()).isEqualByComparingTo("300.00");
		assertThat(payer.restOfMonth()).isEqualByComparingTo("700.00");
		assertThat(payer.expectedTax()).isEqualByComparingTo("100.00");
		assertThat(payer.amount()).isEqualByComparingTo("1100.00");
		assertThat(payer.lowWithTax()).isEqualByComparingTo("990.00");
		assertThat(payer.highWithTax()).isEqualByComparingTo("1320.00");
		Accrual account = this.amounts.accountAccrual(PAYER).orElseThrow();
		assertThat(account.amount()).isEqualByComparingTo("1136.663");
		assertThat(account.lowWithTax()).isEqualByComparingTo("1023.00");
		assertThat(account.highWithTax()).isEqualByComparingTo("1364.00");
		assertThat(this.amounts.headline(LINKED, OPEN))
			.isEqualTo(new Headline(new BigDecimal("36.663"), Headline.Kind.ACCRUAL));
		// the pending invoice of the open month is not its headline
		assertThat(this.amounts.billed(PAYER, OPEN)).isEmpty();
		// shown with its total: the organizations add up to the account to the cent
		BigDecimal shown = LargestRemainder
			.total(List.of(this.amounts.headline(PAYER, OPEN).amount(), this.amounts.headline(LINKED, OPEN).amount()));
		assertThat(shown).isEqualByComparingTo("1136.66");
		assertThat(LargestRemainder.parts(
				List.of(this.amounts.headline(PAYER, OPEN).amount(), this.amounts.headline(LINKED, OPEN).amount()),
				shown))
			.containsExactly(new BigDecimal("1100.00"), new BigDecimal("36.66"));
	}

	@Test
	void withoutAForecastTheAccrualIsTheMonthToDate() {
		Accrual own = this.amounts.accrual(OWN).orElseThrow();
		assertThat(own.forecasted()).isFalse();
		assertThat(own.amount()).isEqualByComparingTo("100.00");
	}

	@Test
	void budgetsReadTheirBasis() {
		assertThat(this.amounts.budgetActual(PAYER, NOVEMBER, BudgetBasis.BILLED)).isEqualByComparingTo("1650.00");
		assertThat(this.amounts.budgetActual(PAYER, NOVEMBER, BudgetBasis.USAGE)).isEqualByComparingTo("1400.00");
		assertThat(this.amounts.budgetActual(PAYER, OPEN, BudgetBasis.BILLED)).isEqualByComparingTo("330.00");
		Accrual payer = this.amounts.accrual(PAYER).orElseThrow();
		assertThat(payer.against(new BigDecimal("1050.00"), BudgetBasis.USAGE)).isEqualTo(BudgetOutlook.AT_RISK);
		assertThat(payer.against(new BigDecimal("1050.00"), BudgetBasis.BILLED)).isEqualTo(BudgetOutlook.OVER);
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(PAYER, "Acme Production");
		labels.put(OWN, "Acme Analytics");
		return labels;
	}

	private static StoredBill bill(String org, YearMonth month, String amount) {
		return new StoredBill(org, org, month, new BigDecimal(amount), month.equals(OPEN));
	}

	private static Invoice invoice(String id, String org, YearMonth month, long billed, long tax) {
		Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		return new Invoice(id, org, PAYER, start, end, month.equals(OPEN) ? InvoiceStatus.PENDING : InvoiceStatus.PAID,
				billed - tax, 0, tax, billed, List.of());
	}

	private static MonthEndForecast forecast(String org, String toDate, String forecast, String low, String high) {
		return new MonthEndForecast(org, OPEN, 7, new BigDecimal(toDate), new BigDecimal(forecast), new BigDecimal(low),
				new BigDecimal(high), "test");
	}

}
