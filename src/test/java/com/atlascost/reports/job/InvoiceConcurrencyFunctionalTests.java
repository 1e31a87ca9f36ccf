package com.atlascost.reports.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.testsupport.JobFixtures;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several organizations' invoices are fetched at once ({@code invoices.concurrency}), and
 * every one is stored, on either database.
 */
@OnEachDatabase
class InvoiceConcurrencyFunctionalTests {

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void severalOrganizationsInvoicesAreFetchedAtOnce() throws Exception {
		Path job = this.dir.resolve("invoices.yml");
		Files.writeString(job, JobFixtures.INVOICES);
		try (AtlasSandbox sandbox = AtlasSandbox.start()) {
			// each answer waits, so that organizations fetched at once overlap
			sandbox.invoices().delayAnswers(Duration.ofMillis(300));

			int exit = InvoiceFunctionalTests.run(this.database, this.dir, sandbox, job, LocalDate.now(ZoneOffset.UTC));

			assertThat(exit).isZero();
			assertThat(sandbox.invoices().peakConcurrentCalls())
				.as("organizations' invoices are fetched several at once (invoices.concurrency)")
				.isGreaterThan(1);
		}
		assertThat(this.database.at(this.dir).count("SELECT COUNT(*) FROM invoice"))
			.as("three organizations and the linked one, three months")
			.isEqualTo(4 * 3);
	}

}
