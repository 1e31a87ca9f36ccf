package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.QueryKey;
import com.atlascost.reports.usage.QueryRegistration;
import com.atlascost.reports.usage.QueryStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The revisions of settled months ({@code usage_revision}): the invoice step records
 * them, the next plan fetches those months' usage again and marks them done. Nothing else
 * fetches a settled month again.
 */
@Repository
public class UsageRevisions {

	private final JdbcClient jdbc;

	private final QueryStore queries;

	private final Clock clock;

	UsageRevisions(JdbcClient jdbc, QueryStore queries, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Registers a run's queries like {@link QueryStore#registerAll}, except that the
	 * queries of an organization's months revised since their usage was stored are due
	 * again, even when settled; those revisions are then marked done. Ids in the order of
	 * the registrations.
	 */
	public List<Long> registerAll(List<QueryRegistration> registrations, boolean refresh) {
		Map<String, SortedSet<YearMonth>> revised = new HashMap<>();
		List<Integer> forced = new ArrayList<>();
		List<Integer> plain = new ArrayList<>();
		for (int i = 0; i < registrations.size(); i++) {
			QueryRegistration registration = registrations.get(i);
			String orgId = QueryKey.of(registration.grouping(), registration.window(), registration.filter())
				.organizationId();
			SortedSet<YearMonth> months = revised.computeIfAbsent(orgId, this::monthsToRefetch);
			boolean due = months.stream().anyMatch((month) -> covers(registration.window(), month));
			(due ? forced : plain).add(i);
		}
		List<Long> ids = new ArrayList<>(Collections.nCopies(registrations.size(), (Long) null));
		register(registrations, plain, refresh, ids);
		register(registrations, forced, true, ids);
		Instant now = this.clock.instant();
		revised.forEach((orgId, months) -> markRefetched(orgId, months, now));
		return ids;
	}

	private void register(List<QueryRegistration> registrations, List<Integer> indexes, boolean refresh,
			List<Long> ids) {
		if (indexes.isEmpty()) {
			return;
		}
		List<Long> registered = this.queries.registerAll(indexes.stream().map(registrations::get).toList(), refresh);
		for (int i = 0; i < indexes.size(); i++) {
			ids.set(indexes.get(i), registered.get(i));
		}
	}

	private static boolean covers(MonthWindow window, YearMonth month) {
		return !month.atDay(1).isBefore(window.start()) && month.atDay(1).isBefore(window.end());
	}

	/**
	 * The months whose usage must be fetched again for the organization: revisions not
	 * yet refetched of its own invoices or of those it pays (its linked organizations'
	 * usage comes with its queries).
	 */
	public SortedSet<YearMonth> monthsToRefetch(String orgId) {
		return new TreeSet<>(this.jdbc
			.sql("SELECT DISTINCT billing_month FROM usage_revision WHERE refetched_at IS NULL"
					+ " AND (organization_id = ? OR billing_account_id = ?)")
			.params(orgId, orgId)
			.query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
			.list());
	}

	/**
	 * Marks the organization's revisions of these months done: its queries of the months
	 * were registered to be fetched again (a fetch that fails is retried by the next run
	 * like any query not DONE).
	 */
	public void markRefetched(String orgId, Collection<YearMonth> months, Instant at) {
		for (YearMonth month : months) {
			this.jdbc
				.sql("UPDATE usage_revision SET refetched_at = ? WHERE refetched_at IS NULL"
						+ " AND (organization_id = ? OR billing_account_id = ?) AND billing_month = ?")
				.params(at.atOffset(ZoneOffset.UTC), orgId, orgId, month.atDay(1))
				.update();
		}
	}

	/**
	 * The revisions of these organizations' (as billed or payer) months {@code from} to
	 * {@code to}, oldest first.
	 */
	public List<UsageRevision> of(Collection<String> orgIds, YearMonth from, YearMonth to) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT * FROM usage_revision WHERE (organization_id IN (:orgs) OR billing_account_id IN (:orgs))"
					+ " AND billing_month >= :from AND billing_month <= :to ORDER BY detected_at, id")
			.param("orgs", List.copyOf(orgIds))
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, n) -> revision(rs))
			.list();
	}

	private static UsageRevision revision(ResultSet rs) throws SQLException {
		return new UsageRevision(rs.getString("organization_id"), rs.getString("billing_account_id"),
				YearMonth.from(rs.getObject("billing_month", LocalDate.class)), rs.getString("invoice_id"),
				dollars(rs, "old_amount_billed"), dollars(rs, "new_amount_billed"),
				InvoiceStatus.valueOf(rs.getString("old_status")), InvoiceStatus.valueOf(rs.getString("new_status")),
				instant(rs, "old_updated"), instant(rs, "new_updated"),
				Objects.requireNonNull(instant(rs, "detected_at")), rs.getString("reason"),
				instant(rs, "refetched_at"));
	}

	private static BigDecimal dollars(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column).setScale(2);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
