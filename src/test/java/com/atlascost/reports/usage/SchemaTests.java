package com.atlascost.reports.usage;

import java.time.Clock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

/**
 * The migrated schema as each database reports it in its metadata: money is exact
 * (DECIMAL with two decimals, no binary floating point anywhere, job repository and views
 * included), and sums of cents stay cents.
 */
@OnEachDatabase
class SchemaTests {

	private static final Set<Integer> FLOATING_POINT = Set.of(Types.FLOAT, Types.REAL, Types.DOUBLE);

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private DataSource dataSource;

	@BeforeEach
	void migrate() {
		this.dataSource = this.database.migrated(this.dir);
	}

	@Test
	void noColumnOfAnyTableOrViewIsFloatingPoint() throws SQLException {
		List<Column> columns = columns();
		assertThat(columns).extracting(Column::table)
			.contains("cost_query", "usage_row", "batch_job_execution", "batch_step_execution",
					"monthly_cost_by_organization", "monthly_cost_by_project", "monthly_cost_by_cluster",
					"monthly_cost_by_service");
		assertThat(columns).allSatisfy((column) -> {
			assertThat(column.jdbcType()).as("%s", column).isNotIn(FLOATING_POINT);
			assertThat(column.typeName().toLowerCase(Locale.ROOT)).as("%s", column)
				.doesNotContain("float", "double", "real", "money");
		});
	}

	@Test
	void everyAmountIsADecimalWithTwoDecimals() throws SQLException {
		List<Column> amounts = columns().stream().filter((column) -> column.name().equals("amount")).toList();
		assertThat(amounts).extracting(Column::table)
			.containsExactlyInAnyOrder("usage_row", "monthly_cost_by_organization", "monthly_cost_by_project",
					"monthly_cost_by_cluster", "monthly_cost_by_service", "monthly_cost_by_tag",
					"month_to_date_snapshot");
		assertThat(amounts).allSatisfy((column) -> {
			assertThat(column.jdbcType()).as("%s", column).isIn(Types.DECIMAL, Types.NUMERIC);
			assertThat(column.precision()).as("%s", column).isEqualTo(19);
			assertThat(column.scale()).as("%s", column).isEqualTo(2);
		});
	}

	@Test
	void centsAddUpExactlyInTheTableAndTheViews() {
		QueryStore store = new QueryStore(JdbcClient.create(this.dataSource), new JdbcTemplate(this.dataSource),
				JsonMapper.builder().build(), Clock.systemUTC());
		MonthWindow march = MonthWindow.of(YearMonth.of(2026, 3));
		String org = "aaaaaaaaaaaaaaaaaaaaaaaa";
		long id = QueryStoreFixture.register(store, "Acme", Grouping.SERVICES, march, new UsageQuery(march.start(),
				march.end(), List.of(org), List.of(), List.of(), List.of("Clusters"), "services", false), false);
		// 0.1 + 0.2 is not 0.3 in binary floating point; 10^15 needs 17 digits
		List<UsageDetail> rows = List.of(row(org, "0.10"), row(org, "0.20"), row(org, "999999999999999.99"),
				row(org, "-999999999999999.99"), row(org, "-0.01"));
		store.complete(store.queries(List.of(id)).get(0), rows, Instant.now(), false);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("SELECT amount FROM usage_row ORDER BY line_no").query(BigDecimal.class).list())
			.containsExactly(new BigDecimal("0.10"), new BigDecimal("0.20"), new BigDecimal("999999999999999.99"),
					new BigDecimal("-999999999999999.99"), new BigDecimal("-0.01"));
		assertThat(jdbc.sql("SELECT amount FROM monthly_cost_by_service").query(BigDecimal.class).single())
			.isEqualTo(new BigDecimal("0.29"));
	}

	private List<Column> columns() throws SQLException {
		List<Column> columns = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
				while (rs.next()) {
					columns.add(new Column(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT),
							rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"),
							rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
				}
			}
		}
		return columns;
	}

	private static UsageDetail row(String org, String amount) {
		return new UsageDetail("inv", org, "Acme", null, null, null, null, "Clusters", new BigDecimal(amount),
				LocalDate.of(2026, 3, 1));
	}

	private record Column(String table, String name, int jdbcType, String typeName, int precision, int scale) {
	}

}
