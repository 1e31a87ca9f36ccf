package com.atlascost.reports.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The usage rows of stored queries ({@code usage_row}), read back for reports with their
 * query and the names discovery found. {@link QueryStore#complete} writes them.
 */
@Repository
public class UsageStore {

	private final JdbcClient jdbc;

	UsageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The organization a row is of: its own ({@code organizationId}), which for a paying
	 * organization's query may be a linked organization; the query's when the row has
	 * none.
	 */
	static final String ROW_ORG = "COALESCE(u.organization_id, q.org_id)";

	/**
	 * How a row's organization is labelled: by the job file's label when it is the
	 * query's organization, else (a linked organization) by the name Atlas gives it, else
	 * its id.
	 */
	static final String ROW_LABEL = "CASE WHEN u.organization_id IS NULL OR u.organization_id = q.org_id"
			+ " THEN q.org_label ELSE COALESCE(u.organization_name, u.organization_id) END";

	/**
	 * Usage rows with their query, by the row's organization; names a row lacks come from
	 * discovery (projects and clusters listed through the API), so the report can label
	 * them. The run's queries come first in the join: H2 keeps the written order of outer
	 * joins, and this order reads only the run's rows, by the query id index, not every
	 * row ever stored.
	 */
	private static final String USAGE = "SELECT q.id, " + ROW_ORG + " AS row_org_id, " + ROW_LABEL
			+ " AS row_org_label, q.group_by, q.window_start,"
			+ " q.window_end, q.provisional, q.fetched_at, u.usage_date, u.organization_name, u.project_id,"
			+ " COALESCE(u.project_name, p.name) AS project_name, u.cluster_id,"
			+ " COALESCE(u.cluster_name, c.name) AS cluster_name, u.service, COALESCE(u.exact_amount, u.amount) AS amount"
			+ " FROM cost_query q JOIN usage_row u ON u.query_id = q.id"
			+ " LEFT JOIN discovered_resource p ON p.org_id = " + ROW_ORG + " AND p.kind = 'PROJECT'"
			+ " AND p.resource_id = u.project_id" + " LEFT JOIN discovered_resource c ON c.org_id = " + ROW_ORG
			+ " AND c.kind = 'CLUSTER'" + " AND c.resource_id = u.cluster_id";

	/**
	 * The usage rows of some queries ({@code :ids}) of one grouping ({@code :groupBy}).
	 */
	static final String USAGE_OF_QUERIES = USAGE + " WHERE q.id IN (:ids) AND q.group_by = :groupBy"
			+ " ORDER BY row_org_label, row_org_id, u.usage_date, q.window_start, q.id, u.line_no";

	/**
	 * The stored usage of these queries as a source read row by row (a database cursor
	 * per pass, never a list), ordered by grouping in the given order, organization
	 * label, organization id, month and line; groupings not listed come last.
	 */
	public UsageRows usageRows(List<Long> ids, List<Grouping> groupingOrder) {
		List<Grouping> order = new ArrayList<>(groupingOrder);
		for (Grouping grouping : Grouping.values()) {
			if (!order.contains(grouping)) {
				order.add(grouping);
			}
		}
		return (action) -> {
			for (Grouping grouping : order) {
				for (List<Long> batch : IdBatches.of(ids)) {
					this.jdbc.sql(USAGE_OF_QUERIES)
						.withFetchSize(1000)
						.param("ids", batch)
						.param("groupBy", grouping.name())
						.query((RowCallbackHandler) (rs) -> action.accept(storedUsage(rs, 0)));
				}
			}
		};
	}

	/** How many usage rows these queries stored. */
	public long countRows(List<Long> ids) {
		long count = 0;
		for (List<Long> batch : IdBatches.of(ids)) {
			count += this.jdbc.sql("SELECT COUNT(*) FROM usage_row WHERE query_id IN (:ids)")
				.param("ids", batch)
				.query(Long.class)
				.single();
		}
		return count;
	}

	/**
	 * The complete bill of each organization and usage month among these queries (the
	 * bill queries of a run), by organization label, id and month. A paying
	 * organization's queries hold its linked organizations' rows too: each is the bill of
	 * the row's own organization.
	 */
	public List<StoredBill> bills(List<Long> ids) {
		Map<List<Object>, StoredBill> bills = new LinkedHashMap<>();
		for (List<Long> batch : IdBatches.of(ids)) {
			this.jdbc
				.sql("SELECT " + ROW_ORG + " AS row_org_id, " + ROW_LABEL + " AS row_org_label, u.usage_date,"
						+ " q.window_start, q.provisional, COALESCE(u.exact_amount, u.amount) AS amount"
						+ " FROM cost_query q JOIN usage_row u ON u.query_id = q.id WHERE q.id IN (:ids)")
				.param("ids", batch)
				.query((RowCallbackHandler) (rs) -> {
					LocalDate usageDate = rs.getObject("usage_date", LocalDate.class);
					YearMonth month = YearMonth
						.from((usageDate != null) ? usageDate : rs.getObject("window_start", LocalDate.class));
					StoredBill bill = new StoredBill(rs.getString("row_org_id"), rs.getString("row_org_label"), month,
							StoredAmount.read(rs, "amount"), rs.getBoolean("provisional"));
					bills.merge(List.of(bill.organizationId(), month), bill, StoredBill::plus);
				});
		}
		return bills.values()
			.stream()
			.sorted(Comparator.comparing(StoredBill::organizationLabel)
				.thenComparing(StoredBill::organizationId)
				.thenComparing(StoredBill::month))
			.toList();
	}

	private static StoredUsage storedUsage(ResultSet rs, int rowNum) throws SQLException {
		OffsetDateTime fetchedAt = rs.getObject("fetched_at", OffsetDateTime.class);
		return new StoredUsage(rs.getLong("id"), rs.getString("row_org_id"), rs.getString("row_org_label"),
				Grouping.valueOf(rs.getString("group_by")),
				new MonthWindow(rs.getObject("window_start", LocalDate.class),
						rs.getObject("window_end", LocalDate.class)),
				rs.getObject("usage_date", LocalDate.class), rs.getString("organization_name"),
				rs.getString("project_id"), rs.getString("project_name"), rs.getString("cluster_id"),
				rs.getString("cluster_name"), rs.getString("service"), StoredAmount.read(rs, "amount"),
				rs.getBoolean("provisional"), (fetchedAt != null) ? fetchedAt.toInstant() : null);
	}

}
