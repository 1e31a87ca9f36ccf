package com.atlascost.reports.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxSettings;
import com.atlascost.reports.testsupport.JobFixtures;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoices are fetched while Atlas processes the run's queries, not after: the
 * invoice step starts before the fetch step ends, and the report starts once both have
 * ended, on either database of the job repository.
 */
@OnEachDatabase
class InvoicesBesideFetchFunctionalTests {

	private static final String STEPS_OF = "SELECT COUNT(*) FROM batch_step_execution f"
			+ " JOIN batch_step_execution i ON i.job_execution_id = f.job_execution_id AND i.step_name = 'invoices'"
			+ " JOIN batch_step_execution r ON r.job_execution_id = f.job_execution_id AND r.step_name = 'report'"
			+ " WHERE f.step_name = 'fetch' AND f.status = 'COMPLETED' AND i.status = 'COMPLETED' AND ";

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void theInvoicesAreFetchedWhileAtlasProcessesTheQueries() throws Exception {
		Path job = this.dir.resolve("invoices.yml");
		Files.writeString(job, JobFixtures.INVOICES);
		// every query takes a second and a half: the fetch step cannot end sooner
		SandboxSettings slowQueries = SandboxSettings.defaults().withProcessingDelay(Duration.ofMillis(1500));
		try (AtlasSandbox sandbox = AtlasSandbox.start(slowQueries)) {
			int exit = InvoiceFunctionalTests.run(this.database, this.dir, sandbox, job, LocalDate.now(ZoneOffset.UTC));

			assertThat(exit).isZero();
		}
		TestDatabase.Rows db = this.database.at(this.dir);
		assertThat(db.count(STEPS_OF + "i.start_time < f.end_time"))
			.as("the invoice step started before the fetch step ended")
			.isOne();
		assertThat(db.count(STEPS_OF + "r.start_time >= f.end_time AND r.start_time >= i.end_time"))
			.as("the report step started after both")
			.isOne();
		assertThat(db.count("SELECT COUNT(*) FROM invoice")).as("three organizations and the linked one, three months")
			.isEqualTo(4 * 3);
	}

}
