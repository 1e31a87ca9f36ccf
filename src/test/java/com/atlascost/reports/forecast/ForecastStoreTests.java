package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bills the forecast reads (the bill queries only, the latest of each org-month), its
 * snapshots and the {@code cost_forecast} view, on both databases.
 */
@OnEachDatabase
class ForecastStoreTests {

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private DataSource dataSource;

	private JdbcClient jdbc;

	private ForecastStore store;

	@BeforeEach
	void migrate() {
		this.dataSource = this.database.migrated(this.dir);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.store = new ForecastStore(this.jdbc);
	}

	@Test
	void billsComeFromTheLatestBillQueryOfEachOrgMonthOnly() {
		long old = query(1, "ORGANIZATIONS", true, OCTOBER, "2026-11-03T00:00:00Z");
		long latest = query(2, "ORGANIZATIONS", true, OCTOBER, "2026-11-05T00:00:00Z");
		long breakdown = query(3, "PROJECTS", false, OCTOBER, "2026-11-06T00:00:00Z");
		long filtered = query(4, "ORGANIZATIONS", false, OCTOBER, "2026-11-07T00:00:00Z");
		long open = query(5, "ORGANIZATIONS", true, NOVEMBER, "2026-11-10T06:00:00Z");
		row(old, 1, OCTOBER, "888.88");
		row(latest, 1, OCTOBER, "1200.00");
		row(latest, 2, OCTOBER, "-200.01");
		row(breakdown, 1, OCTOBER, "800.00");
		row(filtered, 1, OCTOBER, "700.00");
		row(open, 1, NOVEMBER, "333.33");
		BillHistory history = this.store.history(ORG);
		assertThat(history.bills()).containsOnlyKeys(OCTOBER, NOVEMBER);
		assertThat(history.bill(OCTOBER)).contains(new BigDecimal("999.99"));
		assertThat(this.store.bill(ORG, NOVEMBER).orElseThrow())
			.isEqualTo(new ForecastStore.StoredBill(new BigDecimal("333.33"), Instant.parse("2026-11-10T06:00:00Z")));
		assertThat(this.store.bill(ORG, YearMonth.of(2026, 9))).isEmpty();
	}

	@Test
	void aSnapshotIsKeptPerNightAndASecondRunTheSameDayReplacesIt() {
		this.store.saveSnapshot(ORG, NOVEMBER, 3, new BigDecimal("100.00"), Instant.parse("2026-11-03T06:00:00Z"));
		this.store.saveSnapshot(ORG, NOVEMBER, 4, new BigDecimal("130.00"), Instant.parse("2026-11-04T06:00:00Z"));
		this.store.saveSnapshot(ORG, NOVEMBER, 4, new BigDecimal("140.50"), Instant.parse("2026-11-04T09:00:00Z"));
		BillHistory history = this.store.history(ORG);
		assertThat(history.snapshots().get(NOVEMBER)).containsEntry(3, new BigDecimal("100.00"))
			.containsEntry(4, new BigDecimal("140.50"))
			.hasSize(2);
	}

	@Test
	void theForecasterKeepsTheNightsSnapshotAndSavesTheOpenMonthsForecast() {
		long october = query(1, "ORGANIZATIONS", true, OCTOBER, "2026-11-03T00:00:00Z");
		long open = query(2, "ORGANIZATIONS", true, NOVEMBER, "2026-11-10T06:00:00Z");
		row(october, 1, OCTOBER, "2400.00");
		row(open, 1, NOVEMBER, "1000.00");
		Clock clock = Clock.fixed(Instant.parse("2026-11-10T06:30:00Z"), ZoneOffset.UTC);
		MonthEndForecaster forecaster = new MonthEndForecaster(this.store, new BlendedRunRate(), clock);
		assertThat(forecaster.forecast(List.of(ORG), OCTOBER)).isEmpty();
		List<MonthEndForecast> forecasts = forecaster.forecast(List.of(ORG, "5f0c2a3b4d5e6f7081920b2c"), NOVEMBER);
		assertThat(forecasts).singleElement().satisfies((forecast) -> {
			assertThat(forecast.day()).isEqualTo(10);
			assertThat(forecast.monthToDate()).isEqualByComparingTo("1000.00");
			// 1000 + 2/3 x (0.5 x 3000 + 0.5 x 2400)
			assertThat(forecast.forecast()).isEqualByComparingTo("2800.00");
		});
		assertThat(this.store.history(ORG).monthToDate(NOVEMBER, 10)).contains(new BigDecimal("1000.00"));
		assertThat(this.store.latest(List.of(ORG), NOVEMBER)).isEqualTo(forecasts);
		MonthEndForecaster december = new MonthEndForecaster(this.store, new BlendedRunRate(),
				Clock.fixed(Instant.parse("2026-12-01T06:30:00Z"), ZoneOffset.UTC));
		assertThat(december.forecast(List.of(ORG), YearMonth.of(2026, 12))).as("no December bill yet").isEmpty();
	}

	@Test
	void costForecastShowsTheLatestForecastWithExactAmounts() throws SQLException {
		this.store.save(forecast("3000.00"), Instant.parse("2026-11-10T06:00:00Z"));
		this.store.save(forecast("3100.10"), Instant.parse("2026-11-11T06:00:00Z"));
		assertThat(this.store.latest(List.of(ORG, "5f0c2a3b4d5e6f7081920b2c"), NOVEMBER)).singleElement()
			.extracting(MonthEndForecast::forecast)
			.isEqualTo(new BigDecimal("3100.10"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM cost_forecast").query(Long.class).single()).isEqualTo(1);
		try (Connection connection = this.dataSource.getConnection()) {
			for (String column : List.of("forecast_amount", "low_amount", "high_amount")) {
				try (ResultSet columns = connection.getMetaData()
					.getColumns(null, null, name(connection, "cost_forecast"), name(connection, column))) {
					assertThat(columns.next()).as(column).isTrue();
					assertThat(columns.getInt("DATA_TYPE")).as(column).isIn(Types.DECIMAL, Types.NUMERIC);
					assertThat(columns.getInt("COLUMN_SIZE")).as(column).isEqualTo(19);
					assertThat(columns.getInt("DECIMAL_DIGITS")).as(column).isEqualTo(2);
				}
			}
			for (String column : List.of("organization_id", "billing_month", "method", "computed_at")) {
				try (ResultSet columns = connection.getMetaData()
					.getColumns(null, null, name(connection, "cost_forecast"), name(connection, column))) {
					assertThat(columns.next()).as(column).isTrue();
				}
			}
		}
	}

	private static String name(Connection connection, String name) throws SQLException {
		return connection.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
	}

	private static MonthEndForecast forecast(String amount) {
		BigDecimal forecast = new BigDecimal(amount);
		return new MonthEndForecast(ORG, NOVEMBER, 10, new BigDecimal("1000.00"), forecast,
				forecast.subtract(new BigDecimal("100.00")), forecast.add(new BigDecimal("100.00")),
				BlendedRunRate.NAME);
	}

	private long query(long id, String groupBy, boolean bill, YearMonth month, String fetchedAt) {
		this.jdbc
			.sql("INSERT INTO cost_query (id, org_id, org_label, group_by, window_start, window_end, filter_hash,"
					+ " filter_json, state, provisional, fetched_at, updated_at, bill)"
					+ " VALUES (?, ?, 'Acme', ?, ?, ?, ?, '{}', 'DONE', FALSE, ?, ?, ?)")
			.params(id, ORG, groupBy, month.atDay(1), month.plusMonths(1).atDay(1), String.format("%064d", id),
					Instant.parse(fetchedAt).atOffset(ZoneOffset.UTC),
					Instant.parse(fetchedAt).atOffset(ZoneOffset.UTC), bill)
			.update();
		return id;
	}

	private void row(long queryId, int line, YearMonth month, String amount) {
		this.jdbc
			.sql("INSERT INTO usage_row (query_id, line_no, usage_date, organization_id, amount)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(queryId, line, month.atDay(1), ORG, new BigDecimal(amount))
			.update();
	}

}
