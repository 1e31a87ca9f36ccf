package com.atlascost.reports.run;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of H2's "database already open" to exit 3. The cross-JVM behaviour itself
 * is {@link OverlapAcrossJvmsFunctionalTests}' (in child JVMs).
 */
class DatabaseInUseTests {

	private final DatabaseInUse analyzer = new DatabaseInUse();

	@Test
	void anotherProcessHoldingTheH2FileIsTheSameJobAlreadyRunning() {
		SQLException locked = new SQLException("Database may be already in use", "90020", 90020);
		BeanCreationException startup = new BeanCreationException("dataSource", "cannot open", locked);
		assertThat(DatabaseInUse.isCauseOf(startup)).isTrue();
		FailureAnalysis analysis = this.analyzer.analyze(startup);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("Not started: the H2 database file is in use")
			.contains("exit code 3");
		assertThat(analysis.getAction()).contains("PostgreSQL");
	}

	@Test
	void otherDatabaseFailuresAreLeftToSpringBoot() {
		SQLException wrongPassword = new SQLException("Wrong user name or password", "28000", 28000);
		BeanCreationException startup = new BeanCreationException("dataSource", "cannot open", wrongPassword);
		assertThat(DatabaseInUse.isCauseOf(startup)).isFalse();
		assertThat(DatabaseInUse.isCauseOf(null)).isFalse();
		assertThat(this.analyzer.analyze(startup)).isNull();
	}

}
