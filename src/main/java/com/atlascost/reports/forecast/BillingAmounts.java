package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.OrgMonth;
import com.atlascost.reports.plan.Accounting;
import com.atlascost.reports.usage.StoredBill;

/**
 * The three amounts of a run, computed once and read by the Summary, the mail and the
 * alerts, per billing account, organization and month: <em>usage</em> (Cost Explorer's
 * complete bill, before tax), <em>billed</em> (the invoices' {@code amountBilledCents}:
 * usage, tax and invoice-only lines, less credits) and, for the open month, the
 * <em>accrual</em> (the month-end usage forecast and the tax expected at the account's
 * recent rate, see {@link #TAX_RATE_MONTHS}). A closed month without an invoice falls
 * back to usage, marked {@link Headline.Kind#USAGE_NO_INVOICE}.
 *
 * @param accounts the billing accounts, by label then id
 * @param labels each organization's label
 * @param usage each organization's usage per month
 * @param billed each organization's billed amount per month, from its own invoices
 * @param openMonth the month not yet over, when the run reaches it
 * @param accruals the open month's accrual of each organization
 * @param taxRates each account's recent tax rate
 */
public record BillingAmounts(List<BillingAccount> accounts, Map<String, String> labels, Map<OrgMonth, BigDecimal> usage,
		Map<OrgMonth, BigDecimal> billed, Optional<YearMonth> openMonth, Map<String, Accrual> accruals,
		Map<String, BigDecimal> taxRates) {

	/**
	 * How many of an account's latest closed months with invoices its tax rate is learned
	 * from: a quarter smooths a month's odd line without going stale.
	 */
	public static final int TAX_RATE_MONTHS = 3;

	private static final MathContext MATH = MathContext.DECIMAL64;

	public BillingAmounts {
		accounts = List.copyOf(accounts);
		labels = Map.copyOf(labels);
		usage = Map.copyOf(usage);
		billed = Map.copyOf(billed);
		accruals = Map.copyOf(accruals);
		taxRates = Map.copyOf(taxRates);
	}

	/**
	 * The amounts of a run.
	 * @param labels the job file's label of each organization, in its order
	 * @param bills the stored usage bills of the run's months
	 * @param invoices the invoices of those organizations and months, linked ones
	 * included
	 * @param forecasts the open month's usage forecasts
	 * @param openMonth the month not yet over, when the run's range reaches it
	 */
	public static BillingAmounts of(Map<String, String> labels, List<StoredBill> bills, List<Invoice> invoices,
			List<MonthEndForecast> forecasts, Optional<YearMonth> openMonth) {
		Map<String, String> names = new LinkedHashMap<>(labels);
		Map<OrgMonth, BigDecimal> usage = new TreeMap<>();
		for (StoredBill bill : bills) {
			names.putIfAbsent(bill.organizationId(), bill.organizationLabel());
			usage.merge(new OrgMonth(bill.organizationId(), bill.month()), bill.amount(), BigDecimal::add);
		}
		Map<OrgMonth, BigDecimal> billed = new TreeMap<>();
		Map<String, String> payerOf = new LinkedHashMap<>();
		for (Invoice invoice : invoices) {
			names.putIfAbsent(invoice.orgId(), invoice.orgId());
			names.putIfAbsent(invoice.payingOrgId(), invoice.payingOrgId());
			if (openMonth.filter(invoice.month()::equals).isEmpty()) {
				billed.merge(new OrgMonth(invoice.orgId(), invoice.month()),
						BigDecimal.valueOf(invoice.amountBilledCents(), 2), BigDecimal::add);
			}
			// the store orders invoices by month: the latest says who pays now
			payerOf.put(invoice.orgId(), invoice.payingOrgId());
		}
		for (MonthEndForecast forecast : forecasts) {
			names.putIfAbsent(forecast.organizationId(), forecast.organizationId());
		}
		List<BillingAccount> accounts = accounts(names, payerOf);
		Map<String, BigDecimal> taxRates = new LinkedHashMap<>();
		Map<String, Accrual> accruals = new LinkedHashMap<>();
		for (BillingAccount account : accounts) {
			BigDecimal rate = taxRate(account.id(), invoices, openMonth);
			taxRates.put(account.id(), rate);
			for (String org : account.organizationIds()) {
				openMonth.flatMap((open) -> accrual(org, open, forecasts, usage, rate))
					.ifPresent((accrual) -> accruals.put(org, accrual));
			}
		}
		return new BillingAmounts(accounts, names, usage, billed, openMonth, accruals, taxRates);
	}

	private static List<BillingAccount> accounts(Map<String, String> names, Map<String, String> payerOf) {
		Map<String, List<String>> members = new LinkedHashMap<>();
		for (String org : names.keySet()) {
			String payer = payerOf.getOrDefault(org, org);
			members.computeIfAbsent(payer, (p) -> new ArrayList<>()).add(org);
		}
		Comparator<String> byLabel = Comparator.comparing((String id) -> names.getOrDefault(id, id))
			.thenComparing((id) -> id);
		List<BillingAccount> accounts = new ArrayList<>();
		members.forEach((payer, orgs) -> {
			List<String> ordered = new ArrayList<>(orgs);
			ordered.remove(payer);
			ordered.sort(byLabel);
			ordered.add(0, payer);
			accounts.add(new BillingAccount(payer, names.getOrDefault(payer, payer), ordered));
		});
		accounts.sort(Comparator.comparing(BillingAccount::label).thenComparing(BillingAccount::id));
		return accounts;
	}

	/**
	 * Tax over the pre-tax billed amount ({@code amountBilledCents - salesTaxCents}) of
	 * the account's invoices in its latest {@value #TAX_RATE_MONTHS} closed months with
	 * any; zero without them.
	 */
	static BigDecimal taxRate(String accountId, List<Invoice> invoices, Optional<YearMonth> openMonth) {
		SortedMap<YearMonth, long[]> byMonth = new TreeMap<>();
		for (Invoice invoice : invoices) {
			boolean closed = openMonth.map(invoice.month()::isBefore).orElse(true);
			if (closed && invoice.payingOrgId().equals(accountId)) {
				long[] sums = byMonth.computeIfAbsent(invoice.month(), (m) -> new long[2]);
				sums[0] += invoice.salesTaxCents();
				sums[1] += invoice.amountBilledCents() - invoice.salesTaxCents();
			}
		}
		long tax = 0;
		long preTax = 0;
		List<long[]> months = new ArrayList<>(byMonth.values());
		for (long[] sums : months.subList(Math.max(0, months.size() - TAX_RATE_MONTHS), months.size())) {
			tax += sums[0];
			preTax += sums[1];
		}
		return (preTax > 0) ? BigDecimal.valueOf(tax).divide(BigDecimal.valueOf(preTax), MATH) : BigDecimal.ZERO;
	}

	private static Optional<Accrual> accrual(String org, YearMonth open, List<MonthEndForecast> forecasts,
			Map<OrgMonth, BigDecimal> usage, BigDecimal taxRate) {
		for (MonthEndForecast forecast : forecasts) {
			if (forecast.organizationId().equals(org) && forecast.month().equals(open)) {
				return Optional.of(Accrual.of(forecast, taxRate));
			}
		}
		BigDecimal toDate = usage.get(new OrgMonth(org, open));
		return (toDate != null) ? Optional.of(Accrual.monthToDateOnly(org, open, toDate, taxRate)) : Optional.empty();
	}

	/** An organization's label, else its id. */
	public String label(String organizationId) {
		return this.labels.getOrDefault(organizationId, organizationId);
	}

	/** The billing account an organization belongs to. */
	public BillingAccount accountOf(String organizationId) {
		return this.accounts.stream()
			.filter((account) -> account.organizationIds().contains(organizationId))
			.findFirst()
			.orElse(new BillingAccount(organizationId, label(organizationId), List.of(organizationId)));
	}

	/** An organization's usage of a month; zero without any. */
	public BigDecimal usage(String organizationId, YearMonth month) {
		return this.usage.getOrDefault(new OrgMonth(organizationId, month), BigDecimal.ZERO);
	}

	/** An organization's billed amount of a closed month, when it has an invoice. */
	public Optional<BigDecimal> billed(String organizationId, YearMonth month) {
		return Optional.ofNullable(this.billed.get(new OrgMonth(organizationId, month)));
	}

	/** Whether the month is the open one. */
	public boolean isOpen(YearMonth month) {
		return this.openMonth.filter(month::equals).isPresent();
	}

	/** An organization's open-month accrual, when it has one. */
	public Optional<Accrual> accrual(String organizationId) {
		return Optional.ofNullable(this.accruals.get(organizationId));
	}

	/** A billing account's open-month accrual: its organizations' added up. */
	public Optional<Accrual> accountAccrual(String accountId) {
		Accrual sum = null;
		for (String org : accountOf(accountId).organizationIds()) {
			Accrual accrual = this.accruals.get(org);
			if (accrual != null) {
				sum = (sum != null) ? sum.plus(accrual, accountId) : accrual.plus(empty(accrual), accountId);
			}
		}
		return Optional.ofNullable(sum);
	}

	private static Accrual empty(Accrual like) {
		return new Accrual(like.organizationId(), like.month(), 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, like.taxRate(), true);
	}

	/**
	 * An organization's headline: the accrual of the open month, the billed amount of a
	 * closed month, or its usage when that month has no invoice.
	 */
	public Headline headline(String organizationId, YearMonth month) {
		if (isOpen(month)) {
			return accrual(organizationId).map((a) -> new Headline(a.amount(), Headline.Kind.ACCRUAL))
				.orElse(Headline.NONE);
		}
		Optional<BigDecimal> billed = billed(organizationId, month);
		if (billed.isPresent()) {
			return new Headline(billed.get(), Headline.Kind.BILLED);
		}
		BigDecimal usage = this.usage.get(new OrgMonth(organizationId, month));
		return (usage != null) ? new Headline(usage, Headline.Kind.USAGE_NO_INVOICE) : Headline.NONE;
	}

	/** A billing account's headline: its organizations' added up. */
	public Headline accountHeadline(String accountId, YearMonth month) {
		Headline sum = Headline.NONE;
		for (String org : accountOf(accountId).organizationIds()) {
			sum = sum.plus(headline(org, month));
		}
		return sum;
	}

	/** Every account's headline of a month, added up. */
	public Headline headline(YearMonth month) {
		Headline sum = Headline.NONE;
		for (BillingAccount account : this.accounts) {
			sum = sum.plus(accountHeadline(account.id(), month));
		}
		return sum;
	}

	/**
	 * What an organization's monthly budget is held against: on the bill, its headline of
	 * a closed month and the billed amount so far (with expected tax) of the open one; on
	 * usage, its usage.
	 */
	public BigDecimal budgetActual(String organizationId, YearMonth month, Accounting.BudgetBasis basis) {
		if (basis == Accounting.BudgetBasis.USAGE) {
			return usage(organizationId, month);
		}
		if (isOpen(month)) {
			return accrual(organizationId).map(Accrual::monthToDateWithTax).orElse(BigDecimal.ZERO);
		}
		return headline(organizationId, month).amount();
	}

	/** Every organization's usage of a month, added up. */
	public BigDecimal usage(YearMonth month) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Map.Entry<OrgMonth, BigDecimal> entry : this.usage.entrySet()) {
			if (entry.getKey().month().equals(month)) {
				sum = sum.add(entry.getValue());
			}
		}
		return sum;
	}

}
