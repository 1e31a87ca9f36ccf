package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.atlascost.reports.forecast.BillingAccount;
import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.StoredUsage;

/**
 * What every sheet shows of a request, summed from its rows as the Detail sheet writes
 * them (one read of the rows, see {@link Sums}): the groupings in sheet order, the
 * months, the organizations and each grouping's lines. Only sums are kept, so memory does
 * not grow with the number of rows.
 *
 * @param request the request as given
 * @param groupings the job's groupings in its order, then any grouping only the rows
 * carry (so no row is missing from a grouping sheet)
 * @param months the months shown and the provisional ones
 * @param organizations every organization any row belongs to, by label then id
 * @param lines each grouping's lines, biggest spend first
 * @param rowCounts the number of rows of each grouping
 * @param bills each organization's complete bill by month
 */
record ReportContents(ReportRequest request, List<Grouping> groupings, ReportMonths months,
		List<ReportOrganization> organizations, Map<Grouping, List<GroupingLine>> lines, Map<Grouping, Long> rowCounts,
		Map<String, Map<YearMonth, BigDecimal>> bills) {

	/**
	 * Refuses a request that cannot make a report, before anything is read or written.
	 * @throws IllegalArgumentException without a grouping or with a reversed range
	 */
	static void check(ReportRequest request) {
		if (request.scope().groupings().isEmpty()) {
			throw new IllegalArgumentException(
					"a report needs at least one grouping: its summary is built from the first");
		}
		if (request.scope().from().isAfter(request.scope().to())) {
			throw new IllegalArgumentException(
					"month range " + request.scope().from() + " to " + request.scope().to() + " is reversed");
		}
	}

	/**
	 * The sums of a request's rows, handed over one at a time as they are read; then
	 * {@link #contents()}.
	 */
	static final class Sums implements Consumer<StoredUsage> {

		private final ReportRequest request;

		private final ReportMessages messages;

		private final Map<Grouping, GroupingTable> tables = new EnumMap<>(Grouping.class);

		private final Map<String, ReportOrganization> organizations = new LinkedHashMap<>();

		private final Set<YearMonth> rowMonths = new TreeSet<>();

		private final Set<YearMonth> provisionalRowMonths = new TreeSet<>();

		private final Set<YearMonth> provisionalBeforeRows = new TreeSet<>();

		Sums(ReportRequest request, ReportMessages messages) {
			check(request);
			this.request = request;
			this.messages = messages;
			this.provisionalBeforeRows.addAll(request.scope().provisionalMonths());
			for (StoredBill bill : request.billing().bills()) {
				if (bill.provisional()) {
					this.provisionalBeforeRows.add(bill.month());
				}
			}
		}

		@Override
		public void accept(StoredUsage row) {
			this.tables
				.computeIfAbsent(row.groupBy(), (g) -> new GroupingTable(new GroupingDimension(g, this.messages)))
				.add(row);
			this.organizations.putIfAbsent(row.organizationId(),
					new ReportOrganization(row.organizationId(), row.organizationLabel()));
			YearMonth month = ReportMonths.monthOf(row);
			this.rowMonths.add(month);
			if (row.provisional()) {
				this.provisionalRowMonths.add(month);
			}
		}

		/**
		 * Whether a row's amount may still change, known as the row is read: the row was
		 * fetched provisional, or its month is one the request or a bill names
		 * provisional. The store's provisional months are those of every provisional
		 * query, so a row of a provisional month is marked even when it is read before
		 * the row that would show it.
		 */
		boolean provisional(StoredUsage row) {
			return row.provisional() || this.provisionalBeforeRows.contains(ReportMonths.monthOf(row));
		}

		/** Groupings the rows carried that the job does not list, so far. */
		Set<Grouping> groupingsOnlyRowsCarry() {
			Set<Grouping> extra = new TreeSet<>(this.tables.keySet());
			extra.removeAll(this.request.scope().groupings());
			return extra;
		}

		/** The sums of every row accepted, with the request's bills. */
		ReportContents contents() {
			Map<String, ReportOrganization> organizations = new LinkedHashMap<>(this.organizations);
			Set<YearMonth> months = new TreeSet<>(this.rowMonths);
			Set<YearMonth> provisional = new TreeSet<>(this.provisionalRowMonths);
			Map<String, Map<YearMonth, BigDecimal>> bills = new LinkedHashMap<>();
			for (StoredBill bill : this.request.billing().bills()) {
				organizations.putIfAbsent(bill.organizationId(),
						new ReportOrganization(bill.organizationId(), bill.organizationLabel()));
				bills.computeIfAbsent(bill.organizationId(), (id) -> new TreeMap<>())
					.merge(bill.month(), bill.amount(), BigDecimal::add);
				months.add(bill.month());
				if (bill.provisional()) {
					provisional.add(bill.month());
				}
			}
			ReportMonths reportMonths = ReportMonths.of(this.request, months, provisional);
			Set<Grouping> groupings = new LinkedHashSet<>(this.request.scope().groupings());
			groupings.addAll(new TreeSet<>(this.tables.keySet()));
			List<ReportOrganization> byLabel = organizations.values()
				.stream()
				.sorted(Comparator.comparing(ReportOrganization::label, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(ReportOrganization::id))
				.toList();
			Map<Grouping, List<GroupingLine>> lines = new EnumMap<>(Grouping.class);
			Map<Grouping, Long> rowCounts = new EnumMap<>(Grouping.class);
			for (Grouping grouping : groupings) {
				GroupingTable table = this.tables.get(grouping);
				lines.put(grouping, (table != null) ? table.lines(byLabel) : List.of());
				rowCounts.put(grouping, (table != null) ? table.rowCount() : 0L);
			}
			return new ReportContents(this.request, List.copyOf(groupings), reportMonths, byLabel, lines, rowCounts,
					bills);
		}

	}

	/** The grouping the summary sheet totals. */
	Grouping summaryGrouping() {
		return this.groupings.get(0);
	}

	List<GroupingLine> linesOf(Grouping grouping) {
		return this.lines.getOrDefault(grouping, List.of());
	}

	long rowCount() {
		return this.rowCounts.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The month not yet over, when the report reaches it: its headline is the accrual.
	 */
	Optional<YearMonth> openMonth() {
		return amounts().openMonth();
	}

	/** The three amounts: usage, billed and the open month's accrual. */
	BillingAmounts amounts() {
		return this.request.billing().amounts();
	}

	/**
	 * The billing accounts, by label then id: those of the amounts, and any organization
	 * only usage rows name as an account of its own.
	 */
	List<BillingAccount> accounts() {
		List<BillingAccount> accounts = new ArrayList<>(amounts().accounts());
		Set<String> known = new HashSet<>();
		accounts.forEach((account) -> known.addAll(account.organizationIds()));
		for (ReportOrganization organization : this.organizations) {
			if (!known.contains(organization.id())) {
				accounts
					.add(new BillingAccount(organization.id(), label(organization.id()), List.of(organization.id())));
			}
		}
		accounts.sort(Comparator.comparing(BillingAccount::label).thenComparing(BillingAccount::id));
		return accounts;
	}

	/** An organization's label: the job file's or the rows', else its id. */
	String label(String organizationId) {
		for (ReportOrganization organization : this.organizations) {
			if (organization.id().equals(organizationId) && organization.label() != null) {
				return organization.label();
			}
		}
		return amounts().label(organizationId);
	}

	/**
	 * The month the Summary explains, which may still be provisional: the latest one
	 * before the open month (whose bill is a few days') that has any amount and follows a
	 * month of the report.
	 */
	Optional<YearMonth> latestMonthWithData() {
		List<YearMonth> all = this.months.all();
		for (int i = all.size() - 1; i > 0; i--) {
			YearMonth month = all.get(i);
			boolean open = openMonth().filter(month::equals).isPresent();
			boolean followsShownMonth = all.get(i - 1).equals(month.minusMonths(1));
			boolean hasData = bill(month).signum() != 0
					|| linesOf(summaryGrouping()).stream().anyMatch((line) -> line.amount(month).signum() != 0);
			if (!open && followsShownMonth && hasData) {
				return Optional.of(month);
			}
		}
		return Optional.empty();
	}

	/** The open month's forecast of an organization, when it has one. */
	Optional<MonthEndForecast> forecast(String organizationId) {
		return this.request.billing()
			.forecasts()
			.stream()
			.filter((forecast) -> forecast.organizationId().equals(organizationId))
			.findFirst();
	}

	/** An organization's complete bill of one month (zero when it has none). */
	BigDecimal bill(String organizationId, YearMonth month) {
		return this.bills.getOrDefault(organizationId, Map.of()).getOrDefault(month, BigDecimal.ZERO);
	}

	/** The complete bills of one month, all organizations. */
	BigDecimal bill(YearMonth month) {
		return this.organizations.stream()
			.map((organization) -> bill(organization.id(), month))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A grouping's exact total of one organization in one month. */
	BigDecimal total(Grouping grouping, String organizationId, YearMonth month) {
		BigDecimal total = BigDecimal.ZERO;
		for (GroupingLine line : linesOf(grouping)) {
			if (line.organization().id().equals(organizationId)) {
				total = total.add(line.amount(month));
			}
		}
		return total;
	}

	/** A grouping's exact total of one month, all organizations. */
	BigDecimal total(Grouping grouping, YearMonth month) {
		return linesOf(grouping).stream().map((line) -> line.amount(month)).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
