package com.atlascost.reports.usage;

import java.time.Clock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Real H2 and PostgreSQL databases, migrated by the application's own Flyway scripts. */
@OnEachDatabase
class QueryStoreTests {

	private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaaa";

	private static final MonthWindow MARCH = MonthWindow.of(YearMonth.of(2026, 3));

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private QueryStore store;

	private UsageStore usage;

	private DiscoveredNames names;

	private JdbcClient jdbc;

	@BeforeEach
	void migrate() {
		DataSource dataSource = this.database.migrated(this.dir);
		this.jdbc = JdbcClient.create(dataSource);
		this.store = new QueryStore(this.jdbc, new JdbcTemplate(dataSource), JsonMapper.builder().build(),
				Clock.systemUTC());
		this.usage = new UsageStore(this.jdbc);
		this.names = new DiscoveredNames(this.jdbc, Clock.systemUTC());
	}

	@Test
	void theSameQueryIsRegisteredOnceAndADifferentFilterIsAnotherQuery() {
		long first = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH,
				query(List.of("Clusters")), false);
		long again = QueryStoreFixture.register(this.store, "Acme renamed", Grouping.SERVICES, MARCH,
				query(List.of("Clusters")), false);
		long other = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH,
				query(List.of("Clusters", "Storage")), false);
		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		StoredQuery stored = this.store.queries(List.of(first)).get(0);
		assertThat(stored.organizationLabel()).isEqualTo("Acme renamed");
		assertThat(stored.filter()).isEqualTo(query(List.of("Clusters")));
		assertThat(stored.state()).isEqualTo(QueryState.PLANNED);
	}

	@Test
	void aPlanIsRegisteredInOneCallAndItsIdsComeBackInPlanOrder() {
		long known = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH,
				query(List.of("Clusters")), false);
		UsageQuery otherOrg = new UsageQuery(MARCH.start(), MARCH.end(), List.of("bbbbbbbbbbbbbbbbbbbbbbbb"), List.of(),
				List.of(), List.of("Clusters"), "services", false);

		List<Long> ids = this.store.registerAll(
				List.of(new QueryRegistration("Other", Grouping.SERVICES, MARCH, otherOrg, false),
						new QueryRegistration("Acme renamed", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
								true),
						new QueryRegistration("Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters", "Storage")),
								false),
						new QueryRegistration("Other", Grouping.SERVICES, MARCH, otherOrg, false)),
				false);

		assertThat(ids).hasSize(4).doesNotContainNull();
		assertThat(ids.get(1)).as("the known query keeps its id").isEqualTo(known);
		assertThat(ids.get(3)).as("the same query twice in a plan is one query").isEqualTo(ids.get(0));
		assertThat(Set.copyOf(ids)).hasSize(3);
		assertThat(this.store.queries(List.of(ids.get(0), ids.get(2))))
			.extracting(StoredQuery::organizationLabel, StoredQuery::filter)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Other", otherOrg),
					org.assertj.core.groups.Tuple.tuple("Acme", query(List.of("Clusters", "Storage"))));
		assertThat(this.store.queries(List.of(known))).extracting(StoredQuery::organizationLabel)
			.containsExactly("Acme renamed");
		assertThat(this.jdbc.sql("SELECT id FROM cost_query WHERE bill = TRUE").query(Long.class).list())
			.as("the known query took the bill's mark")
			.containsExactly(known);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM cost_query").query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void storingAResultTwiceReplacesTheRowsAndNeverDuplicatesThem() {
		long id = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
				false);
		StoredQuery query = this.store.queries(List.of(id)).get(0);
		this.store.complete(query, List.of(row("Clusters", "100.10"), row("Credits", "-25.05")), Instant.now(), true);
		this.store.complete(query, List.of(row("Clusters", "100.20"), row("Credits", "-25.05")), Instant.now(), false);
		List<StoredUsage> usage = stored(this.usage, id);
		assertThat(usage).extracting(StoredUsage::service, StoredUsage::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Clusters", new BigDecimal("100.20")),
					org.assertj.core.groups.Tuple.tuple("Credits", new BigDecimal("-25.05")));
		assertThat(usage).allSatisfy((row) -> assertThat(row.provisional()).isFalse());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM usage_row").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	/**
	 * Issue 16: amounts were rounded to the cent row by row before they were summed (this
	 * test asserted 10.005 read back as 10.01); they are now kept as Atlas sent them, the
	 * row's cents beside them for readers of single rows.
	 */
	void amountsAreStoredAsAtlasSentThemWithTheRowsCentsBeside() {
		long id = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
				false);
		StoredQuery query = this.store.queries(List.of(id)).get(0);
		this.store.complete(query,
				List.of(row("Clusters", "1234567.89"), row("Storage", "0.07"), row("Backup", "10.005")), Instant.now(),
				false);
		assertThat(stored(this.usage, id)).extracting(StoredUsage::amount)
			.containsExactly(new BigDecimal("1234567.89"), new BigDecimal("0.07"), new BigDecimal("10.005"));
		assertThat(this.jdbc.sql("SELECT amount FROM usage_row WHERE query_id = ? ORDER BY line_no")
			.param(id)
			.query(BigDecimal.class)
			.list()).containsExactly(new BigDecimal("1234567.89"), new BigDecimal("0.07"), new BigDecimal("10.01"));
	}

	@Test
	void aProvisionalDoneQueryIsDueAgainOnTheNextRunButKeepsItsRowsUntilReplaced() {
		long id = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
				false);
		this.store.complete(this.store.queries(List.of(id)).get(0), List.of(row("Clusters", "5.00")), Instant.now(),
				true);
		assertThat(this.store.unfinished(List.of(id))).isEmpty();
		QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")), false);
		assertThat(this.store.unfinished(List.of(id))).extracting(StoredQuery::state)
			.containsExactly(QueryState.PLANNED);
		assertThat(stored(this.usage, id)).hasSize(1);
	}

	@Test
	void aQueryDoneAfterItsMonthSettledStaysDoneUnlessRefreshed() {
		long id = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
				false);
		this.store.complete(this.store.queries(List.of(id)).get(0), List.of(row("Clusters", "5.00")), Instant.now(),
				false);
		QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")), false);
		assertThat(this.store.unfinished(List.of(id))).as("served from the database").isEmpty();
		QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")), true);
		assertThat(this.store.unfinished(List.of(id))).extracting(StoredQuery::state)
			.containsExactly(QueryState.PLANNED);
		assertThat(stored(this.usage, id)).as("kept until replaced").hasSize(1);
	}

	@Test
	void aSavedTokenSurvivesRegistrationAndFailureSoItIsPolledRatherThanCreatedAgain() {
		long id = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")),
				false);
		String token = "ab".repeat(32);
		this.store.markCreated(id, token, Instant.now());
		this.store.markFailed(id, new QueryFailure(null, "POLLING_DEADLINE", "still processing", "poll timed out"));
		QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH, query(List.of("Clusters")), false);
		StoredQuery query = this.store.unfinished(List.of(id)).get(0);
		assertThat(query.token()).isEqualTo(token);
		assertThat(query.state()).isEqualTo(QueryState.FAILED);
		this.store.forgetToken(id);
		assertThat(this.store.unfinished(List.of(id)).get(0).token()).isNull();
	}

	@Test
	void failuresAndProvisionalMonthsAreReported() {
		long march = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH,
				query(List.of("Clusters")), false);
		MonthWindow april = MonthWindow.of(YearMonth.of(2026, 4));
		long aprilId = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, april,
				new UsageQuery(april.start(), april.end(), List.of(ORG), List.of(), List.of(), List.of("Clusters"),
						"services", false),
				false);
		this.store.markFailed(march,
				new QueryFailure(400, "VALIDATION_ERROR", "bad filter", "HTTP 400 VALIDATION_ERROR: bad filter"));
		this.store.complete(this.store.queries(List.of(aprilId)).get(0), List.of(), Instant.now(), true);
		assertThat(this.store.failures(List.of(march, aprilId)))
			.containsExactly(ORG + " services 2026-03: HTTP 400 VALIDATION_ERROR: bad filter");
		assertThat(this.jdbc
			.sql("SELECT id, error_status, error_code, error_detail, failure FROM cost_query ORDER BY id")
			.query((rs, n) -> rs.getLong("id") + "|" + rs.getObject("error_status") + "|" + rs.getString("error_code")
					+ "|" + rs.getString("error_detail") + "|" + rs.getString("failure"))
			.list()).containsExactly(march + "|400|VALIDATION_ERROR|bad filter|HTTP 400 VALIDATION_ERROR: bad filter",
					aprilId + "|null|null|null|null");
		assertThat(this.store.provisionalMonths(List.of(march, aprilId))).containsExactly(YearMonth.of(2026, 4));
	}

	@Test
	void refusedCredentialsComeFromTheStoredStatusNotFromTheWordingOfAMessage() {
		long march = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, MARCH,
				query(List.of("Clusters")), false);
		MonthWindow april = MonthWindow.of(YearMonth.of(2026, 4));
		long aprilId = QueryStoreFixture.register(this.store, "Acme", Grouping.SERVICES, april,
				new UsageQuery(april.start(), april.end(), List.of(ORG), List.of(), List.of(), List.of("Clusters"),
						"services", false),
				false);
		this.store.markFailed(aprilId, new QueryFailure(500, "UNEXPECTED_ERROR", "for org " + ORG + " failed: 401 ",
				"HTTP 500 UNEXPECTED_ERROR: for org " + ORG + " failed: 401 "));
		assertThat(this.store.refusedOrganizations(List.of(march, aprilId))).as("a 500 that quotes a 401").isEmpty();
		this.store.markFailed(march, new QueryFailure(401, "UNAUTHORIZED", "bad key", "HTTP 401 UNAUTHORIZED"));
		assertThat(this.store.refusedOrganizations(List.of(march, aprilId))).containsExactly(entry(ORG, 401));
		assertThat(this.store.organizationIds(List.of(march, aprilId))).containsExactly(ORG);
	}

	@Test
	void discoveredNamesLabelRowsThatComeWithoutThem() {
		long id = QueryStoreFixture
			.register(
					this.store, "Acme", Grouping.PROJECTS, MARCH, new UsageQuery(MARCH.start(), MARCH.end(),
							List.of(ORG), List.of("6a1b2c3d4e5f60718293a4b1"), List.of(), List.of(), "projects", false),
					false);
		this.names.remember(ORG, "PROJECT", Map.of("6a1b2c3d4e5f60718293a4b1", "old name"));
		this.names.remember(ORG, "PROJECT", Map.of("6a1b2c3d4e5f60718293a4b1", "storefront"));
		this.store.complete(
				this.store.queries(List.of(id)).get(0), List.of(new UsageDetail(null, ORG, "Acme",
						"6a1b2c3d4e5f60718293a4b1", null, null, null, null, new BigDecimal("12.34"), MARCH.start())),
				Instant.now(), false);
		assertThat(stored(this.usage, id)).singleElement()
			.satisfies((row) -> assertThat(row.projectName()).isEqualTo("storefront"));
	}

	private static UsageQuery query(List<String> services) {
		return new UsageQuery(MARCH.start(), MARCH.end(), List.of(ORG), List.of(), List.of(), services, "services",
				false);
	}

	private static UsageDetail row(String service, String amount) {
		return new UsageDetail("inv", ORG, "Acme", null, null, null, null, service, new BigDecimal(amount),
				LocalDate.of(2026, 3, 1));
	}

	/** The stored usage of one query, as the reports read it. */
	static List<StoredUsage> stored(UsageStore usage, long queryId) {
		List<StoredUsage> rows = new ArrayList<>();
		usage.usageRows(List.of(queryId), List.of()).forEach(rows::add);
		return rows;
	}

}
