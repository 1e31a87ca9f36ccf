package com.atlascost.reports.usage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How H2 (the default database) reads a run's usage rows: through the run's queries and
 * the query id index, never by scanning every usage row stored, of every run, against the
 * list of ids (a fleet of 96,000 queries made that a report that never ended).
 */
class UsageStorePlanTests {

	@TempDir
	Path dir;

	@Test
	void aRunsUsageRowsAreReadThroughItsQueriesNotByScanningEveryStoredRow() {
		DataSource dataSource = TestDatabase.h2().migrated(this.dir);
		List<Long> ids = LongStream.rangeClosed(1, 1000).boxed().toList();

		String plan = new NamedParameterJdbcTemplate(dataSource).queryForObject(
				"EXPLAIN " + UsageStore.USAGE_OF_QUERIES, Map.of("ids", ids, "groupBy", "PROJECTS"), String.class);

		assertThat(plan).doesNotContainIgnoringCase("USAGE_ROW.tableScan")
			.containsIgnoringCase("FROM \"PUBLIC\".\"COST_QUERY\"")
			.containsIgnoringCase("USAGE_ROW_QUERY_FK_INDEX");
	}

}
