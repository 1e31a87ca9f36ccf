package com.atlascost.reports.usage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The DONE queries a report can be rebuilt from, without asking Atlas anything: next to
 * {@link QueryStore}, which registers and completes them.
 */
@Repository
public class DoneQueries {

	private final JdbcClient jdbc;

	DoneQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest DONE query of each grouping, month and bill mark of an organization over
	 * the windows within {@code [from, to)}, by id: fetched last, then the highest id, as
	 * the views {@code latest_cost_query} and {@code latest_bill_query} choose, whatever
	 * its filters.
	 */
	public Map<LatestQuery, Long> latest(String orgId, LocalDate from, LocalDate to) {
		Map<LatestQuery, Long> latest = new HashMap<>();
		this.jdbc
			.sql("SELECT id, group_by, window_start, window_end, bill FROM cost_query WHERE org_id = ?"
					+ " AND state = 'DONE' AND fetched_at IS NOT NULL AND window_start >= ? AND window_end <= ?"
					+ " ORDER BY fetched_at, id")
			.params(orgId, from, to)
			// in that order, a later query replaces an earlier one
			.query((rs) -> {
				latest.put(new LatestQuery(Grouping.valueOf(rs.getString(2)),
						new MonthWindow(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)),
						rs.getBoolean(5)), rs.getLong(1));
			});
		return latest;
	}

}
