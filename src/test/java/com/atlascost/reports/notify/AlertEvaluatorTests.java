package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.UsageRows;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEvaluatorTests {

	private static final Map<String, String> LABELS = Map.of(DeliveryFixture.ACME, "Acme Production",
			DeliveryFixture.ANALYTICS_ORG, "Acme Analytics");

	private final Spend spend = Spend.of(UsageRows.of(DeliveryFixture.rows()),
			List.of(Grouping.PROJECTS, Grouping.SERVICES));

	@Test
	void theBillComesFromTheServicesGroupingWhenThereIsNoOrganizationsGrouping() {
		assertThat(this.spend.billGrouping()).isEqualTo(Grouping.SERVICES);
		assertThat(this.spend.bill(DeliveryFixture.ACME, DeliveryFixture.MAR)).isEqualByComparingTo("3950");
		assertThat(this.spend.bill(DeliveryFixture.ACME, YearMonth.of(2025, 12))).isEqualByComparingTo("0");
		assertThat(this.spend.label("unknown")).isEqualTo("unknown");
	}

	@Test
	void aRiseMustBeAboveBothTheShareAndTheAmount() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Alert> alerts = evaluator.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR,
				Set.of(DeliveryFixture.MAR));
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.kind()).isEqualTo(AlertKind.ANOMALY);
			assertThat(alert.items()).extracting(AlertItem::subject).containsExactly("service Clusters", "project Web");
		});
		AlertEvaluator highAmount = new AlertEvaluator(
				new AlertSettings(new BigDecimal("0.25"), new BigDecimal("600")));
		assertThat(
				highAmount.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of()))
			.singleElement()
			.satisfies(
					(alert) -> assertThat(alert.items()).extracting(AlertItem::subject).containsExactly("project Web"));
		AlertEvaluator lowAmount = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("10")));
		assertThat(
				lowAmount.evaluate(this.spend, List.of(), LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of()))
			.singleElement()
			.satisfies((alert) -> assertThat(alert.items()).extracting(AlertItem::subject)
				.containsExactly("service Clusters", "service Storage", "project Web"));
	}

	@Test
	void onlyTheLastMonthAndTheOneBeforeAreLookedAt() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Budget> tight = List.of(new Budget(DeliveryFixture.ACME, null, new BigDecimal("1000")));
		assertThat(evaluator.evaluate(this.spend, tight, LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of()))
			.filteredOn((alert) -> alert.kind() == AlertKind.BUDGET_EXCEEDED)
			.extracting(Alert::month)
			.containsExactly(DeliveryFixture.FEB, DeliveryFixture.MAR);
		assertThat(evaluator.evaluate(this.spend, tight, LABELS, DeliveryFixture.MAR, DeliveryFixture.MAR, Set.of()))
			.as("one month: a budget can be over, nothing to compare a rise with")
			.extracting(Alert::kind)
			.containsExactly(AlertKind.BUDGET_EXCEEDED);
	}

	@Test
	void aProjectBudgetWithoutUsageIsNotOverAndFingerprintsIgnoreAmounts() {
		AlertEvaluator evaluator = new AlertEvaluator(new AlertSettings(new BigDecimal("0.25"), new BigDecimal("100")));
		List<Budget> budgets = List.of(new Budget(DeliveryFixture.ACME, "0123456789abcdef01234567", BigDecimal.ONE));
		assertThat(evaluator.evaluate(this.spend, budgets, LABELS, DeliveryFixture.JAN, DeliveryFixture.MAR, Set.of()))
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
