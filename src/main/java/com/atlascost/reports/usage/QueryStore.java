package com.atlascost.reports.usage;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.atlas.AtlasApiException;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queries of runs, in the database ({@code cost_query}): registered, created, DONE
 * with their usage rows, FAILED with the reason. {@link UsageStore} reads the rows back,
 * {@link DiscoveredNames} keeps the names discovery found.
 */
@Repository
public class QueryStore {

	private final Clock clock;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	QueryStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/**
	 * Records the queries a run needs and returns their ids, in the same order. A query
	 * already known keeps its usage rows and, when it holds a token, the token, so that
	 * it is polled rather than created again. Whether it is due again:
	 * <ul>
	 * <li>DONE after its month settled (stored as not provisional): no, it is served from
	 * the database, unless {@code refresh};</li>
	 * <li>DONE before its month settled (provisional), or FAILED without a token: yes, it
	 * becomes PLANNED and its rows are replaced when it is fetched again;</li>
	 * <li>CREATED, or FAILED with a token: its token is polled.</li>
	 * </ul>
	 * A bill keeps its mark. The statements go by organization, a few for all its queries
	 * (a fleet's plan registers tens of thousands), not a few per query.
	 */
	@Transactional
	public List<Long> registerAll(List<QueryRegistration> registrations, boolean refresh) {
		List<Keyed> keyed = registrations.stream()
			.map((registration) -> new Keyed(registration,
					QueryKey.of(registration.grouping(), registration.window(), registration.filter())))
			.toList();
		Map<String, List<Keyed>> byOrganization = new LinkedHashMap<>();
		keyed.forEach((query) -> byOrganization.computeIfAbsent(query.orgId(), (org) -> new ArrayList<>()).add(query));
		OffsetDateTime now = utc(this.clock.instant());
		Map<String, Long> ids = new HashMap<>();
		for (Map.Entry<String, List<Keyed>> organization : byOrganization.entrySet()) {
			Map<String, Long> known = knownQueries(organization.getKey());
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> inserts = new ArrayList<>();
			Set<String> inserting = new HashSet<>();
			for (Keyed query : organization.getValue()) {
				QueryRegistration registration = query.registration();
				Long id = known.get(query.lookup());
				if (id != null) {
					updates
						.add(new Object[] { registration.organizationLabel(), now, registration.bill(), refresh, id });
				}
				else if (inserting.add(query.lookup())) {
					inserts.add(new Object[] { query.orgId(), registration.organizationLabel(),
							registration.grouping().name(), registration.window().start(), registration.window().end(),
							query.key().hash(), this.json.writeValueAsString(registration.filter()), now,
							registration.bill() });
				}
			}
			this.batch
				.batchUpdate("UPDATE cost_query SET org_label = ?, updated_at = ?, bill = (bill OR ?), state = CASE"
						+ " WHEN state = 'DONE' AND provisional = FALSE AND ? = FALSE THEN 'DONE'"
						+ " WHEN state = 'DONE' THEN 'PLANNED' WHEN state = 'FAILED' AND token IS NULL THEN 'PLANNED'"
						+ " ELSE state END, failure = NULL, error_status = NULL, error_code = NULL, error_detail = NULL"
						+ " WHERE id = ?", updates);
			this.batch.batchUpdate("INSERT INTO cost_query (org_id, org_label, group_by, window_start, window_end,"
					+ " filter_hash, filter_json, state, updated_at, bill) VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)",
					inserts);
			ids.putAll(inserts.isEmpty() ? known : knownQueries(organization.getKey()));
		}
		return keyed.stream().map((query) -> ids.get(query.lookup())).toList();
	}

	/**
	 * The ids of an organization's stored queries by {@link Keyed#lookup()}: one read
	 * through the key's index, whatever the organization's history.
	 */
	private Map<String, Long> knownQueries(String orgId) {
		Map<String, Long> known = new HashMap<>();
		this.jdbc.sql("SELECT id, group_by, window_start, window_end, filter_hash FROM cost_query WHERE org_id = ?")
			.param(orgId)
			.query((rs) -> {
				known.put(lookup(orgId, rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class), rs.getString(5)), rs.getLong(1));
			});
		return known;
	}

	private static String lookup(String orgId, String grouping, LocalDate start, LocalDate end, String hash) {
		return orgId + "|" + grouping + "|" + start + "|" + end + "|" + hash;
	}

	/** A registration with its canonical key. */
	private record Keyed(QueryRegistration registration, QueryKey key) {

		String orgId() {
			return this.key.organizationId();
		}

		/** What {@code cost_query_key} makes unique, as one string. */
		String lookup() {
			return QueryStore.lookup(orgId(), this.registration.grouping().name(), this.registration.window().start(),
					this.registration.window().end(), this.key.hash());
		}

	}

	/** The queries among {@code ids} that still need the API, in id order. */
	List<StoredQuery> unfinished(List<Long> ids) {
		return queries(ids).stream().filter((query) -> query.state() != QueryState.DONE).toList();
	}

	List<StoredQuery> queries(List<Long> ids) {
		List<StoredQuery> queries = new ArrayList<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			queries.addAll(this.jdbc
				.sql("SELECT id, org_id, org_label, group_by, window_start, window_end, filter_json, state, token"
						+ " FROM cost_query WHERE id IN (:ids) ORDER BY id")
				.param("ids", batch)
				.query(this::storedQuery)
				.list());
		}
		return queries;
	}

	/** Saves the token the moment the API returns it, so that a crash cannot lose it. */
	void markCreated(long id, String token, Instant createdAt) {
		this.jdbc
			.sql("UPDATE cost_query SET state = 'CREATED', token = ?, created_at = ?, failure = NULL, updated_at = ?"
					+ " WHERE id = ?")
			.params(token, utc(createdAt), utc(createdAt), id)
			.update();
	}

	/**
	 * Replaces the query's usage rows with this result and marks it DONE, all or nothing.
	 * Amounts are stored as Atlas sent them, every decimal kept, in {@code exact_amount}
	 * (see {@link UsageAnswerCheck} for what is refused): sums are taken over it and
	 * rounded to the cent only where a figure is shown. {@code amount} keeps the row
	 * rounded to the cent, as it always held, for readers of single rows.
	 */
	@Transactional
	void complete(StoredQuery query, List<UsageDetail> rows, Instant fetchedAt, boolean provisional) {
		long id = query.id();
		List<Object[]> lines = new ArrayList<>(rows.size());
		for (UsageDetail row : rows) {
			if (row.usageAmount() == null) {
				throw new IllegalArgumentException("usage row " + (lines.size() + 1) + " has no usageAmount");
			}
			LocalDate usageDate = (row.usageDate() != null) ? row.usageDate() : query.window().start();
			lines.add(new Object[] { id, lines.size() + 1, usageDate, row.invoiceId(), row.organizationId(),
					StoredName.fit(row.organizationName(), StoredName.NAME_COLUMN), row.groupId(),
					StoredName.fit(row.groupName(), StoredName.NAME_COLUMN), row.clusterId(),
					StoredName.fit(row.clusterName(), StoredName.NAME_COLUMN),
					StoredName.fit(row.service(), StoredName.SERVICE_COLUMN),
					row.usageAmount().setScale(2, RoundingMode.HALF_UP), row.usageAmount() });
		}
		this.jdbc.sql("DELETE FROM usage_row WHERE query_id = ?").param(id).update();
		this.batch.batchUpdate("INSERT INTO usage_row (query_id, line_no, usage_date, invoice_id, organization_id,"
				+ " organization_name, project_id, project_name, cluster_id, cluster_name, service, amount,"
				+ " exact_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
		this.jdbc
			.sql("UPDATE cost_query SET state = 'DONE', fetched_at = ?, provisional = ?, failure = NULL,"
					+ " updated_at = ? WHERE id = ?")
			.params(utc(fetchedAt), provisional, utc(fetchedAt), id)
			.update();
	}

	/**
	 * Marks the query FAILED; a token it holds is kept so that a restart polls it again.
	 */
	void markFailed(long id, QueryFailure failure) {
		markFailed(id, failure, false);
	}

	/**
	 * Marks the query FAILED; {@code forgetToken} drops its token too, so that the next
	 * run creates it again instead of polling the answer that failed it.
	 */
	void markFailed(long id, QueryFailure failure, boolean forgetToken) {
		this.jdbc
			.sql("UPDATE cost_query SET state = 'FAILED', failure = ?, error_status = ?, error_code = ?,"
					+ " error_detail = ?, updated_at = ?" + (forgetToken ? ", token = NULL" : "") + " WHERE id = ?")
			// Arrays.asList: a failure may lack a status, code or detail (NULL columns)
			.params(Arrays.asList(truncate(failure.reason(), 2000), failure.status(),
					truncate(failure.errorCode(), 100), truncate(failure.detail(), 2000), utc(this.clock.instant()),
					id))
			.update();
	}

	/** Forgets a token the server no longer knows, so the query is created again. */
	public void forgetToken(long id) {
		this.jdbc.sql("UPDATE cost_query SET state = 'PLANNED', token = NULL, updated_at = ? WHERE id = ?")
			.params(utc(this.clock.instant()), id)
			.update();
	}

	/**
	 * The months among these queries whose amounts were fetched before the month settled.
	 */
	public SortedSet<YearMonth> provisionalMonths(List<Long> ids) {
		SortedSet<YearMonth> months = new TreeSet<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			this.jdbc.sql("SELECT DISTINCT window_start FROM cost_query WHERE id IN (:ids) AND provisional = TRUE")
				.param("ids", batch)
				.query((rs, n) -> YearMonth.from(rs.getObject("window_start", LocalDate.class)))
				.list()
				.forEach(months::add);
		}
		return months;
	}

	/** Counts of the given queries by state. */
	public Map<QueryState, Long> countByState(List<Long> ids) {
		Map<QueryState, Long> counts = new EnumMap<>(QueryState.class);
		queries(ids).forEach((query) -> counts.merge(query.state(), 1L, Long::sum));
		return counts;
	}

	/**
	 * The organizations among these queries whose credentials Atlas refused (a stored 401
	 * or 403), with the status, ordered by organization id.
	 */
	public SortedMap<String, Integer> refusedOrganizations(List<Long> ids) {
		SortedMap<String, Integer> refused = new TreeMap<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			this.jdbc
				.sql("SELECT DISTINCT org_id, error_status FROM cost_query WHERE id IN (:ids) AND state = 'FAILED'"
						+ " AND error_status IS NOT NULL")
				.param("ids", batch)
				.query((rs, n) -> {
					int status = rs.getInt("error_status");
					if (AtlasApiException.refusesCredentials(status)) {
						refused.put(rs.getString("org_id"), status);
					}
					return status;
				})
				.list();
		}
		return refused;
	}

	/** The organizations these queries ask about, ordered by id. */
	public SortedSet<String> organizationIds(List<Long> ids) {
		SortedSet<String> organizations = new TreeSet<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			organizations.addAll(this.jdbc.sql("SELECT DISTINCT org_id FROM cost_query WHERE id IN (:ids)")
				.param("ids", batch)
				.query(String.class)
				.list());
		}
		return organizations;
	}

	/** The failure reasons of the given queries that FAILED. */
	public List<String> failures(List<Long> ids) {
		List<String> failures = new ArrayList<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			failures.addAll(this.jdbc
				.sql("SELECT org_id, group_by, window_start, failure FROM cost_query WHERE id IN (:ids)"
						+ " AND state = 'FAILED' ORDER BY id")
				.param("ids", batch)
				.query((rs, n) -> rs.getString("org_id") + " " + rs.getString("group_by").toLowerCase() + " "
						+ rs.getObject("window_start", LocalDate.class).toString().substring(0, 7) + ": "
						+ rs.getString("failure"))
				.list());
		}
		return failures;
	}

	private StoredQuery storedQuery(ResultSet rs, int rowNum) throws SQLException {
		String token = rs.getString("token");
		return new StoredQuery(rs.getLong("id"), rs.getString("org_id"), rs.getString("org_label"),
				Grouping.valueOf(rs.getString("group_by")),
				new MonthWindow(rs.getObject("window_start", LocalDate.class),
						rs.getObject("window_end", LocalDate.class)),
				this.json.readValue(rs.getString("filter_json"), UsageQuery.class),
				QueryState.valueOf(rs.getString("state")), token);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
