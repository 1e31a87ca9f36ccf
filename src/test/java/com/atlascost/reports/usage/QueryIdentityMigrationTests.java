package com.atlascost.reports.usage;

import java.time.Clock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before the explicit query key (migrations V1 to V4, rows keyed on
 * the SHA-256 of the filter's JSON, as the code of that time stored them) still runs:
 * after migration V5 the same queries are found again, DONE queries are not fetched again
 * and their rows stay.
 */
@OnEachDatabase
class QueryIdentityMigrationTests {

	private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaaa";

	private static final MonthWindow JANUARY = MonthWindow.of(YearMonth.of(2026, 1));

	private static final MonthWindow FEBRUARY = MonthWindow.of(YearMonth.of(2026, 2));

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void queriesStoredBeforeTheKeyAreFoundAgainAndKeepTheirRows() throws Exception {
		DataSource before = this.database.migrated(this.dir, MigrationVersion.fromVersion("4"));
		JdbcClient jdbc = JdbcClient.create(before);
		UsageQuery settled = filter(JANUARY, List.of("p2", "p1"));
		UsageQuery provisional = filter(FEBRUARY, List.of("p1"));
		long settledId = storeTheOldWay(jdbc, JANUARY, settled, false);
		long provisionalId = storeTheOldWay(jdbc, FEBRUARY, provisional, true);

		DataSource after = this.database.migrated(this.dir);
		QueryStore store = new QueryStore(JdbcClient.create(after), new JdbcTemplate(after), this.json,
				Clock.systemUTC());
		UsageStore usage = new UsageStore(JdbcClient.create(after));

		assertThat(QueryStoreFixture.register(store, "Acme", Grouping.PROJECTS, JANUARY, settled, false))
			.isEqualTo(settledId);
		assertThat(QueryStoreFixture.register(store, "Acme", Grouping.PROJECTS, FEBRUARY, provisional, false))
			.isEqualTo(provisionalId);
		assertThat(store.queries(List.of(settledId, provisionalId))).extracting(StoredQuery::state)
			.as("settled stays DONE (served from the database); provisional is due again")
			.containsExactly(QueryState.DONE, QueryState.PLANNED);
		assertThat(store.unfinished(List.of(settledId, provisionalId))).extracting(StoredQuery::id)
			.containsExactly(provisionalId);
		assertThat(QueryStoreTests.stored(usage, settledId)).extracting(StoredUsage::amount)
			.containsExactly(new BigDecimal("12.34"), new BigDecimal("-1.00"));
		assertThat(JdbcClient.create(after)
			.sql("SELECT filter_hash FROM cost_query WHERE id = ?")
			.param(settledId)
			.query(String.class)
			.single()).isEqualTo(QueryKey.of(Grouping.PROJECTS, JANUARY, settled).hash());
		long other = QueryStoreFixture.register(store, "Acme", Grouping.PROJECTS, JANUARY,
				filter(JANUARY, List.of("p1")), false);
		assertThat(other).as("another filter is another query").isNotIn(settledId, provisionalId);
	}

	@Test
	void theKeyIsTheQuerysFieldsWhateverTheirOrder() {
		QueryKey key = QueryKey.of(Grouping.PROJECTS, JANUARY, filter(JANUARY, List.of("p2", "p1", "p2")));
		assertThat(key.canonical()).isEqualTo("org=" + ORG
				+ ";grouping=PROJECTS;window=2026-01-01/2026-02-01;projects=p1,p2;clusters=;services=Clusters;partialMatches=false");
		assertThat(key.hash())
			.isEqualTo(QueryKey.of(Grouping.PROJECTS, JANUARY, filter(JANUARY, List.of("p1", "p2"))).hash())
			.hasSize(64);
		assertThat(key.hash()).isNotEqualTo(
				new QueryKey(ORG, Grouping.PROJECTS, JANUARY, List.of("p1", "p2"), List.of(), List.of("Clusters"), true)
					.hash());
	}

	private static UsageQuery filter(MonthWindow window, List<String> projects) {
		return new UsageQuery(window.start(), window.end(), List.of(ORG), projects, List.of(), List.of("Clusters"),
				"projects", false);
	}

	/**
	 * As {@code QueryStore.register} and {@code complete} did up to V4: keyed on the
	 * SHA-256 of the filter's JSON, then DONE with two rows.
	 */
	private long storeTheOldWay(JdbcClient jdbc, MonthWindow window, UsageQuery filter, boolean provisional)
			throws Exception {
		String filterJson = this.json.writeValueAsString(filter);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(filterJson.getBytes(StandardCharsets.UTF_8)));
		OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO cost_query (org_id, org_label, group_by, window_start, window_end, filter_hash,"
				+ " filter_json, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?)")
			.params(ORG, "Acme", "PROJECTS", window.start(), window.end(), hash, filterJson, now)
			.update();
		long id = jdbc.sql("SELECT id FROM cost_query WHERE filter_hash = ?").param(hash).query(Long.class).single();
		jdbc.sql("INSERT INTO usage_row (query_id, line_no, usage_date, invoice_id, organization_id, organization_name,"
				+ " project_id, project_name, cluster_id, cluster_name, service, amount)"
				+ " VALUES (?, 1, ?, 'inv', ?, 'Acme', 'p1', NULL, NULL, NULL, 'Clusters', 12.34),"
				+ " (?, 2, ?, 'inv', ?, 'Acme', 'p1', NULL, NULL, NULL, 'Credits', -1.00)")
			.params(id, window.start(), ORG, id, window.start(), ORG)
			.update();
		jdbc.sql("UPDATE cost_query SET state = 'DONE', fetched_at = ?, provisional = ?, updated_at = ? WHERE id = ?")
			.params(now, provisional, now, id)
			.update();
		return id;
	}

}
