package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.QueryKey;

/**
 * Re-keys every stored query on its {@link QueryKey}: {@code filter_hash} held the
 * SHA-256 of the filter's JSON (V2 to V4), which a renamed field of the wire record would
 * have changed; it now holds the hash of the explicit key. Java, not SQL: the key is
 * built from the stored JSON, which neither H2 nor PostgreSQL can parse the same way. The
 * JSON is read by the field names it had when it was written (V2 to V4), so this
 * migration does not change when the wire record does.
 */
public class V5__Canonical_query_key extends BaseJavaMigration {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<Object[]> updates = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		try (Statement select = connection.createStatement();
				ResultSet rs = select.executeQuery("SELECT id, org_id, group_by, window_start, window_end, filter_json"
						+ " FROM cost_query ORDER BY id")) {
			while (rs.next()) {
				JsonNode filter = this.json.readTree(rs.getString("filter_json"));
				String orgId = rs.getString("org_id");
				String groupBy = rs.getString("group_by");
				MonthWindow window = new MonthWindow(rs.getObject("window_start", LocalDate.class),
						rs.getObject("window_end", LocalDate.class));
				QueryKey key = new QueryKey(orgId, Grouping.valueOf(groupBy), window, strings(filter, "projects"),
						strings(filter, "clusters"), strings(filter, "services"),
						filter.path("includePartialMatches").asBoolean(false));
				String hash = key.hash();
				// two rows of one key (lists stored in another order by older code) keep
				// their old hashes but the first: the unique key allows one of each
				if (taken.add(orgId + " " + groupBy + " " + window.start() + " " + window.end() + " " + hash)) {
					updates.add(new Object[] { hash, rs.getLong("id") });
				}
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE cost_query SET filter_hash = ? WHERE id = ?")) {
			for (Object[] row : updates) {
				update.setString(1, (String) row[0]);
				update.setLong(2, (Long) row[1]);
				update.addBatch();
			}
			update.executeBatch();
		}
	}

	private static List<String> strings(JsonNode filter, String field) {
		List<String> values = new ArrayList<>();
		filter.path(field).forEach((value) -> values.add(value.asString()));
		return values;
	}

}
