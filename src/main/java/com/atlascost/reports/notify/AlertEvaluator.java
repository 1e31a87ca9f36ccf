package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.forecast.Accrual;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;

/**
 * The alerts of a run, from its stored usage and the job's budgets. They look at the
 * run's last month and the month before it (the open month and the one that just closed,
 * on a nightly run): older months were alerted on when they were recent.
 * <ul>
 * <li>budget exceeded: an organization's complete bill or a project's spend above its
 * budget;</li>
 * <li>forecast over budget: the open month's month-end forecast of an organization above
 * its budget while the bill so far is not (once it is, the budget-exceeded alert says
 * so). Only organization budgets: the forecast is of the complete bill, projects have
 * none;</li>
 * <li>anomaly: a project or service that rose from the month before by more than both
 * {@link AlertSettings#jumpThreshold()} and {@link AlertSettings#jumpMinAmount()};</li>
 * <li>unexplained difference: a settled month whose invoice and usage differ by more than
 * tax, noted lines, credits and balances explain (the Reconciliation sheet's flagged
 * rows), whatever month of the run it is: each is sent once.</li>
 * </ul>
 */
class AlertEvaluator {

	private final AlertSettings settings;

	AlertEvaluator(AlertSettings settings) {
		this.settings = settings;
	}

	List<Alert> evaluate(Spend spend, List<Budget> budgets, Map<String, String> labels, YearMonth from, YearMonth to,
			Set<YearMonth> provisional, BillingAmounts amounts, Accounting.BudgetBasis basis) {
		return evaluate(spend, budgets, labels, from, to, provisional, amounts, basis, List.of());
	}

	List<Alert> evaluate(Spend spend, List<Budget> budgets, Map<String, String> labels, YearMonth from, YearMonth to,
			Set<YearMonth> provisional, BillingAmounts amounts, Accounting.BudgetBasis basis,
			List<ReconciliationLine> unexplained) {
		List<YearMonth> months = new ArrayList<>();
		if (!to.minusMonths(1).isBefore(from)) {
			months.add(to.minusMonths(1));
		}
		months.add(to);
		List<Alert> alerts = new ArrayList<>();
		for (YearMonth month : months) {
			alerts.addAll(budgetAlerts(spend, budgets, labels, month, provisional.contains(month), basis));
			if (month.equals(to) && amounts.isOpen(month)) {
				alerts.addAll(forecastAlerts(spend, budgets, labels, month, amounts, basis));
			}
			if (!month.minusMonths(1).isBefore(from)) {
				alerts.addAll(anomalies(spend, labels, month, provisional.contains(month)));
			}
		}
		for (ReconciliationLine line : unexplained) {
			BigDecimal rest = line.unexplained().orElse(null);
			if (line.flagged() && rest != null) {
				String orgId = line.orgMonth().orgId();
				alerts.add(new Alert(AlertKind.UNEXPLAINED_DIFFERENCE, orgId,
						labels.getOrDefault(orgId, spend.label(orgId)), line.orgMonth().month(), false,
						List.of(new AlertItem("invoice " + String.join(", ", line.invoiceIds()), null, "unexplained",
								rest, BigDecimal.ZERO, "explained", "Reconciliation", line.reason()))));
			}
		}
		return alerts;
	}

	private static List<Alert> budgetAlerts(Spend spend, List<Budget> budgets, Map<String, String> labels,
			YearMonth month, boolean provisional, Accounting.BudgetBasis basis) {
		Map<String, List<AlertItem>> byOrganization = new LinkedHashMap<>();
		for (Budget budget : budgets) {
			BigDecimal actual;
			String subject;
			if (budget.projectId() == null) {
				actual = spend.bill(budget.organizationId(), month);
				subject = "the whole organization";
			}
			else {
				Spend.Line project = projectLine(spend, budget.organizationId(), budget.projectId());
				actual = (project != null) ? project.amount(month) : BigDecimal.ZERO;
				subject = "project " + ((project != null) ? project.name() : budget.projectId());
			}
			if (actual.compareTo(budget.monthly()) > 0) {
				byOrganization.computeIfAbsent(budget.organizationId(), (id) -> new ArrayList<>())
					.add(new AlertItem(subject, budget.projectId(),
							"actual (" + ((budget.projectId() == null) ? basis.jobFileName() : "usage") + ")", actual,
							budget.monthly(), "budget", "Budgets"));
			}
		}
		return alerts(AlertKind.BUDGET_EXCEEDED, byOrganization, spend, labels, month, provisional);
	}

	private static List<Alert> forecastAlerts(Spend spend, List<Budget> budgets, Map<String, String> labels,
			YearMonth month, BillingAmounts amounts, Accounting.BudgetBasis basis) {
		Map<String, List<AlertItem>> byOrganization = new LinkedHashMap<>();
		for (Budget budget : budgets) {
			Optional<Accrual> accrual = amounts.accrual(budget.organizationId());
			if (budget.projectId() != null || accrual.isEmpty()
					|| spend.bill(budget.organizationId(), month).compareTo(budget.monthly()) > 0) {
				continue;
			}
			Accrual expected = accrual.get();
			if (expected.expected(basis).compareTo(budget.monthly()) > 0) {
				String band = "band " + Money.usd(expected.low(basis)) + " to " + Money.usd(expected.high(basis))
						+ ((expected.low(basis).compareTo(budget.monthly()) > 0) ? ", all of it above the budget"
								: ", its low end within the budget")
						+ "; " + Money.usd(expected.soFar(basis)) + " so far on day " + expected.day();
				String measure = (basis == Accounting.BudgetBasis.USAGE) ? "forecast (usage)" : "accrual (billed)";
				byOrganization.computeIfAbsent(budget.organizationId(), (id) -> new ArrayList<>())
					.add(new AlertItem("the whole organization", null, measure, expected.expected(basis),
							budget.monthly(), "budget", "Budgets", band));
			}
		}
		// the forecast is of an open month: provisional by definition
		return alerts(AlertKind.FORECAST_OVER_BUDGET, byOrganization, spend, labels, month, true);
	}

	private List<Alert> anomalies(Spend spend, Map<String, String> labels, YearMonth month, boolean provisional) {
		Map<String, List<AlertItem>> byOrganization = new LinkedHashMap<>();
		for (Spend.Line line : spend.lines()) {
			BigDecimal previous = line.amount(month.minusMonths(1));
			BigDecimal current = line.amount(month);
			BigDecimal rise = current.subtract(previous);
			boolean aboveAmount = rise.compareTo(this.settings.jumpMinAmount()) > 0;
			boolean aboveShare = previous.signum() <= 0
					|| rise.compareTo(previous.multiply(this.settings.jumpThreshold())) > 0;
			if (aboveAmount && aboveShare) {
				boolean project = line.grouping() == Grouping.PROJECTS;
				byOrganization.computeIfAbsent(line.organizationId(), (id) -> new ArrayList<>())
					.add(new AlertItem((project ? "project " : "service ") + line.name(), line.id(), "actual", current,
							previous, "previous month", project ? "Projects" : "Services"));
			}
		}
		return alerts(AlertKind.ANOMALY, byOrganization, spend, labels, month, provisional);
	}

	private static List<Alert> alerts(AlertKind kind, Map<String, List<AlertItem>> byOrganization, Spend spend,
			Map<String, String> labels, YearMonth month, boolean provisional) {
		List<Alert> alerts = new ArrayList<>();
		byOrganization.forEach((organizationId, items) -> alerts.add(new Alert(kind, organizationId,
				labels.getOrDefault(organizationId, spend.label(organizationId)), month, provisional, items)));
		return alerts;
	}

	private static Spend.@Nullable Line projectLine(Spend spend, String organizationId, String projectId) {
		for (Spend.Line line : spend.lines()) {
			if (line.grouping() == Grouping.PROJECTS && line.organizationId().equals(organizationId)
					&& line.id().equals(projectId)) {
				return line;
			}
		}
		return null;
	}

}
