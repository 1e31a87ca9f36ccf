package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.invoice.OrgMonth;
import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.invoice.ReconciliationLine.Kind;
import com.atlascost.reports.invoice.ReconciliationLine.Reason;
import com.atlascost.reports.plan.Accounting.BudgetBasis;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.usage.UsageRows;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEvaluatorTests {

	/** No invoices and no open month: budgets read each month's usage. */
	private static final BillingAmounts NO_OPEN_MONTH = BillingAmounts.of(Map.of(), DeliveryFixture.bills(), List.of(),
			List.of(), Optional.empty());

	private static final Map<String, String> LABELS = Map.of(DeliveryFixture.ACME, "Acme Production",
			DeliveryFixture.ANALYTICS_ORG, "Acme Analytics");

	private final Spend spend = Spend.of(DeliveryFixture.bills(), UsageRows.of(DeliveryFixture.rows()));

	@Test
	void theBillIsTheCompleteBillNotTheSumOfAGrouping() {
		assertThat(this.spend.bill(DeliveryFixture.ACME, DeliveryFixture.MAR)).as("services 3950 plus Support 50")
			.isEqualByComparingTo("4000");
		assertThat(this.spend.bill(DeliveryFixture.ACME, YearMonth.of(2025, 12))).isEqualByComparingTo("0");
		assertThat(this.spend.label("unknown")).isEqualTo("unknown");
	}

	@Test
	void aRiseMustBeAboveBothTheShareAndTheAmount() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Alert> alerts = evaluator.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR,
				Set.of(DeliveryFixture.MAR), NO_OPEN_MONTH, BudgetBasis.BILLED);
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.kind()).isEqualTo(AlertKind.ANOMALY);
			assertThat(alert.items()).extracting(AlertItem::subject).containsExactly("service Clusters", "project Web");
		});
		AlertEvaluator highAmount = new AlertEvaluator(
				new AlertSettings(new BigDecimal("0.25"), new BigDecimal("600")));
		assertThat(highAmount.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR,
				Set.of(), NO_OPEN_MONTH, BudgetBasis.BILLED))
			.singleElement()
			.satisfies(
					(alert) -> assertThat(alert.items()).extracting(AlertItem::subject).containsExactly("project Web"));
		AlertEvaluator lowAmount = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("10")));
		assertThat(lowAmount.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(),
				NO_OPEN_MONTH, BudgetBasis.BILLED))
			.singleElement()
			.satisfies((alert) -> assertThat(alert.items()).extracting(AlertItem::subject)
				.containsExactly("service Clusters", "service Storage", "project Web"));
	}

	@Test
	void onlyTheLastMonthAndTheOneBeforeAreLookedAt() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Budget> tight = List.of(new Budget(DeliveryFixture.ACME, null, new BigDecimal("1000")));
		assertThat(evaluator.evaluate(this.spend, tight, LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(),
				NO_OPEN_MONTH, BudgetBasis.BILLED))
			.filteredOn((alert) -> alert.kind() == AlertKind.BUDGET_EXCEEDED)
			.extracting(Alert::month)
			.containsExactly(DeliveryFixture.FEB, DeliveryFixture.MAR);
		assertThat(evaluator.evaluate(this.spend, tight, LABELS, DeliveryFixture.MAR, DeliveryFixture.MAR, Set.of(),
				NO_OPEN_MONTH, BudgetBasis.BILLED))
			.as("one month: a budget can be over, nothing to compare a rise with")
			.extracting(Alert::kind)
			.containsExactly(AlertKind.BUDGET_EXCEEDED);
	}

	@Test
	void aSettledMonthsUnexplainedDifferenceIsAlertedWithItsAmountTheOpenMonthsIsNot() {
		AlertEvaluator evaluator = new AlertEvaluator(
				new AlertSettings(new BigDecimal("0.25"), new BigDecimal("5000")));
		List<ReconciliationLine> lines = List.of(
				line(DeliveryFixture.FEB, false, new Reason(Kind.SALES_TAX, new BigDecimal("8.25"), ""),
						new Reason(Kind.UNEXPLAINED, new BigDecimal("12.34"), "")),
				line(DeliveryFixture.MAR, true, new Reason(Kind.UNEXPLAINED, new BigDecimal("99.00"), "")),
				line(DeliveryFixture.JAN, false, new Reason(Kind.SALES_TAX, new BigDecimal("8.25"), "")));

		List<Alert> alerts = evaluator.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR,
				Set.of(), NO_OPEN_MONTH, BudgetBasis.BILLED, lines);

		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.kind()).isEqualTo(AlertKind.UNEXPLAINED_DIFFERENCE);
			assertThat(alert.title()).isEqualTo("Invoice difference nobody explains: Acme Analytics ("
					+ DeliveryFixture.ANALYTICS_ORG + ") in " + DeliveryFixture.FEB);
			assertThat(alert.items()).singleElement().satisfies((item) -> {
				assertThat(item.amount()).isEqualByComparingTo("12.34");
				assertThat(item.subject()).isEqualTo("invoice 0123456789abcdef01234567");
				assertThat(item.sheet()).isEqualTo("Reconciliation");
				assertThat(item.note()).isEqualTo("sales tax 8.25; unexplained 12.34");
			});
		});
	}

	private static ReconciliationLine line(YearMonth month, boolean open, Reason... reasons) {
		return new ReconciliationLine(new OrgMonth(DeliveryFixture.ANALYTICS_ORG, month),
				List.of("0123456789abcdef01234567"), DeliveryFixture.ANALYTICS_ORG, new BigDecimal("100.00"),
				new BigDecimal("120.59"), BigDecimal.ZERO, new BigDecimal("8.25"), new BigDecimal("120.59"), open,
				List.of(reasons));
	}

	@Test
	void aForecastAlertNeedsAnOrganizationBudgetAboveTheBillSoFarAndBelowTheForecast() {
		AlertEvaluator evaluator = new AlertEvaluator(
				new AlertSettings(new BigDecimal("0.25"), new BigDecimal("5000")));
		BillingAmounts forecasts = BillingAmounts.of(Map.of(), DeliveryFixture.bills(), List.of(),
				DeliveryFixture.forecasts(), Optional.of(DeliveryFixture.MAR));
		assertThat(
				evaluator.evaluate(this.spend, List.of(new Budget(DeliveryFixture.ACME, null, new BigDecimal("7000"))),
						LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(), forecasts, BudgetBasis.BILLED))
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.kind()).isEqualTo(AlertKind.FORECAST_OVER_BUDGET);
				assertThat(alert.provisional()).isTrue();
				assertThat(alert.items()).singleElement()
					.satisfies((item) -> assertThat(item.note()).startsWith(
							"band $8,000.00 to $10,000.00, all of it above the budget; $4,000.00 so far on day 10"));
			});
		assertThat(
				evaluator.evaluate(this.spend, List.of(new Budget(DeliveryFixture.ACME, null, new BigDecimal("9000"))),
						LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(), forecasts, BudgetBasis.BILLED))
			.as("a forecast at the budget is not over it")
			.isEmpty();
		assertThat(
				evaluator.evaluate(this.spend, List.of(new Budget(DeliveryFixture.ACME, null, new BigDecimal("3900"))),
						LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(), forecasts, BudgetBasis.BILLED))
			.as("the bill so far is already over: the budget alert says it, not a forecast alert")
			.extracting(Alert::kind)
			.containsExactly(AlertKind.BUDGET_EXCEEDED);
		assertThat(evaluator.evaluate(this.spend,
				List.of(new Budget(DeliveryFixture.ACME, DeliveryFixture.WEB_PROJECT, new BigDecimal("2700"))), LABELS,
				DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(), forecasts, BudgetBasis.BILLED))
			.as("projects have no forecast")
			.isEmpty();
	}

	@Test
	void aProjectBudgetWithoutUsageIsNotOverAndFingerprintsIgnoreAmounts() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Budget> budgets = List.of(new Budget(DeliveryFixture.ACME, "0123456789abcdef01234567", BigDecimal.ONE));
		assertThat(evaluator.evaluate(this.spend, budgets, LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of(),
				NO_OPEN_MONTH, BudgetBasis.BILLED))
			.noneMatch((alert) -> alert.kind() == AlertKind.BUDGET_EXCEEDED);
		AlertItem item = new AlertItem("the whole organization", null, "actual", new BigDecimal("10"),
				new BigDecimal("5"), "budget", "Budgets");
		AlertItem more = new AlertItem("the whole organization", null, "actual", new BigDecimal("20"),
				new BigDecimal("5"), "budget", "Budgets");
		Alert alert = new Alert(AlertKind.BUDGET_EXCEEDED, "o", "O", DeliveryFixture.MAR, true, List.of(item));
		assertThat(alert.fingerprint()).isEqualTo(
				new Alert(AlertKind.BUDGET_EXCEEDED, "o", "O", DeliveryFixture.MAR, true, List.of(more)).fingerprint());
		assertThat(alert.fingerprint()).isNotEqualTo(
				new Alert(AlertKind.ANOMALY, "o", "O", DeliveryFixture.MAR, true, List.of(item)).fingerprint());
		assertThat(new AlertItem("service X", "X", "actual", new BigDecimal("150"), BigDecimal.ZERO, "previous month",
				"Services")
			.text()).isEqualTo("service X: actual $150.00, previous month $0.00, +$150.00; see sheet Services");
		assertThat(Money.usd(new BigDecimal("-1234.565"))).isEqualTo("-$1,234.57");
	}

}
