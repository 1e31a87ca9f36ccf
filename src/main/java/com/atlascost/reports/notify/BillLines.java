package com.atlascost.reports.notify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.atlascost.reports.forecast.Accrual;
import com.atlascost.reports.forecast.BillingAccount;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.Headline;
import com.atlascost.reports.forecast.RoundedAmounts;
import com.atlascost.reports.invoice.LargestRemainder;

/**
 * The report mail's amounts, the Summary's to the cent: each billing account's billed
 * amount of the last closed month with its organizations below, then the open month's
 * accrual. Rounded as the Summary rounds them ({@link RoundedAmounts}).
 */
final class BillLines {

	private final BillingAmounts amounts;

	BillLines(BillingAmounts amounts) {
		this.amounts = amounts;
	}

	/** The last month of the range that is not the open one, if any. */
	static Optional<YearMonth> lastClosed(BillingAmounts amounts, YearMonth from, YearMonth to) {
		YearMonth last = amounts.isOpen(to) ? to.minusMonths(1) : to;
		return last.isBefore(from) ? Optional.empty() : Optional.of(last);
	}

	/** The billed lines of a closed month. */
	List<String> billed(YearMonth month, boolean provisional) {
		List<String> lines = new ArrayList<>();
		lines.add("Billed for " + month + " (the invoices: usage, tax and invoice-only lines, less credits)"
				+ (provisional ? ", provisional: it may still change" : "") + ":");
		RoundedAmounts shown = RoundedAmounts.of(this.amounts.accounts(),
				(org) -> this.amounts.headline(org, month).amount());
		RoundedAmounts before = RoundedAmounts.of(this.amounts.accounts(),
				(org) -> this.amounts.headline(org, month.minusMonths(1)).amount());
		for (BillingAccount account : this.amounts.accounts()) {
			BigDecimal amount = shown.account(account.id());
			BigDecimal previous = before.account(account.id());
			lines.add("- " + account.label() + " (billing account " + account.id() + "): " + Money.usd(amount)
					+ marker(this.amounts.accountHeadline(account.id(), month).kind()) + ", "
					+ Money.signedUsd(amount.subtract(previous)) + " on " + month.minusMonths(1) + " ("
					+ Money.usd(previous) + ")");
			if (account.hasLinkedOrganizations()) {
				for (String org : account.organizationIds()) {
					lines.add("    - " + this.amounts.label(org) + " (" + org + "): "
							+ Money.usd(shown.organization(org)) + marker(this.amounts.headline(org, month).kind()));
				}
			}
		}
		lines.add("  Total billed " + month + ": " + Money.usd(shown.total()) + "; usage (Cost Explorer, before tax) "
				+ Money.usd(LargestRemainder.total(List.of(this.amounts.usage(month)))));
		return lines;
	}

	/** The open month's accrual lines. */
	List<String> accrual(YearMonth open) {
		List<String> lines = new ArrayList<>();
		lines.add("Accrual for " + open + " (usage forecast to the month end and the tax expected at each account's"
				+ " rate of its last " + BillingAmounts.TAX_RATE_MONTHS + " invoiced months):");
		RoundedAmounts accrual = figure(Accrual::amount);
		RoundedAmounts toDate = figure(Accrual::monthToDate);
		RoundedAmounts forecast = figure(Accrual::forecast);
		RoundedAmounts tax = figure(Accrual::expectedTax);
		RoundedAmounts low = figure(Accrual::lowWithTax);
		RoundedAmounts high = figure(Accrual::highWithTax);
		for (BillingAccount account : this.amounts.accounts()) {
			Optional<Accrual> sum = this.amounts.accountAccrual(account.id());
			if (sum.isEmpty()) {
				continue;
			}
			String id = account.id();
			lines.add("- " + account.label() + " (billing account " + id + "): " + Money.usd(accrual.account(id))
					+ " (band " + Money.usd(low.account(id)) + " to " + Money.usd(high.account(id)) + "): usage "
					+ Money.usd(toDate.account(id)) + " so far on day " + sum.get().day() + ", forecast "
					+ Money.usd(forecast.account(id)) + ", expected tax " + Money.usd(tax.account(id)));
			if (account.hasLinkedOrganizations()) {
				for (String org : account.organizationIds()) {
					if (this.amounts.accrual(org).isPresent()) {
						lines.add("    - " + this.amounts.label(org) + " (" + org + "): "
								+ Money.usd(accrual.organization(org)));
					}
				}
			}
		}
		lines.add("  Total accrual " + open + ": " + Money.usd(accrual.total()));
		return lines;
	}

	private RoundedAmounts figure(java.util.function.Function<Accrual, BigDecimal> figure) {
		return RoundedAmounts.of(this.amounts.accounts(),
				(org) -> this.amounts.accrual(org).map(figure).orElse(BigDecimal.ZERO));
	}

	private static String marker(Headline.Kind kind) {
		return switch (kind) {
			case USAGE_NO_INVOICE -> " (usage: no invoice yet)";
			case MIXED -> " (part usage: an organization has no invoice yet)";
			default -> "";
		};
	}

}
