package com.atlascost.reports.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxSettings;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

/** Two JVMs started together on one database file: one runs, the other exits 3. */
class OverlapAcrossJvmsFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void twoJvmsStartedTogetherOnTheSameDatabaseOneRunsTheOtherExitsThree() throws Exception {
		try (AtlasSandbox sandbox = AtlasSandbox
			.start(SandboxSettings.builder().processingDelay(Duration.ofSeconds(3)).build())) {
			Files.createDirectories(this.dir);
			String[] args = { "--job=jobs/sandbox.yml", "--from=" + NOW, "--to=" + NOW,
					"--spring.datasource.url=" + SandboxRun.jdbcUrl(this.dir),
					"--reports.dir=" + this.dir.resolve("reports") };
			ChildJvm one = ChildJvm.start(sandbox, this.dir.resolve("one.log"), args);
			ChildJvm two = ChildJvm.start(sandbox, this.dir.resolve("two.log"), args);
			List<Integer> exitCodes = List.of(one.awaitExit(), two.awaitExit());
			String outputs = one.output() + two.output();

			assertThat(exitCodes).as(outputs).containsExactlyInAnyOrder(0, 3);
			ChildJvm refused = (exitCodes.get(0) == 3) ? one : two;
			assertThat(refused.output()).contains("Not started: the H2 database file is in use by another process");
			assertThat(sandbox.counters().creates()).as("the refused run asked Atlas nothing").isEqualTo(6);
		}
		TestDatabase.Rows db = TestDatabase.h2().at(this.dir);
		assertThat(db.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
		assertThat(db.count("SELECT COUNT(*) FROM cost_query WHERE state = 'DONE'")).isEqualTo(6);
	}

}
