package com.atlascost.reports.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.sandbox.AtlasSandbox;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxInvoices;
import com.atlascost.reports.sandbox.SandboxInvoices.Damage;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.atlascost.reports.job.InvoiceFunctionalTests.FROM;
import static com.atlascost.reports.job.InvoiceFunctionalTests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices Atlas gets wrong fail their organization's invoice step with a message naming
 * organization, invoice and field; nothing of those organizations is stored, the others'
 * invoices are, and once Atlas answers well a restart completes the run.
 */
@OnEachDatabase
@ExtendWith(OutputCaptureExtension.class)
class InvoiceBadAnswerFunctionalTests {

	private static final String HEALTHY = SandboxData.FORMULA_NAMED;

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void eachKindOfBadInvoiceFailsOnlyItsOrganization(CapturedOutput output) throws Exception {
		Path job = this.dir.resolve("invoices.yml");
		Files.writeString(job, InvoiceFunctionalTests.JOB + """
				  - id: %s
				    label: Formula
				    projects: all
				""".formatted(HEALTHY));
		try (AtlasSandbox sandbox = AtlasSandbox.start()) {
			YearMonth closed = NOW.minusMonths(1);
			sandbox.invoices().damage(InvoiceFunctionalTests.PRODUCTION, closed, Damage.SUBTOTAL_MISMATCH);
			sandbox.invoices().damage(InvoiceFunctionalTests.ANALYTICS, closed, Damage.LINE_WITHOUT_AMOUNT);
			sandbox.invoices().damage(InvoiceFunctionalTests.JAPAN, FROM, Damage.UNKNOWN_STATUS);
			LocalDate today = LocalDate.now(ZoneOffset.UTC);

			int exit = InvoiceFunctionalTests.run(this.database, this.dir, sandbox, job, today);

			assertThat(exit).isEqualTo(1);
			assertThat(output.getOut())
				.contains("org " + InvoiceFunctionalTests.PRODUCTION + ", invoice "
						+ SandboxInvoices.invoiceId(InvoiceFunctionalTests.PRODUCTION, closed) + ": subtotalCents")
				.contains("org " + InvoiceFunctionalTests.ANALYTICS + ", invoice "
						+ SandboxInvoices.invoiceId(InvoiceFunctionalTests.ANALYTICS, closed)
						+ ": lineItems[0].totalPriceCents: is missing")
				.contains("org " + InvoiceFunctionalTests.JAPAN + ", invoice "
						+ SandboxInvoices.invoiceId(InvoiceFunctionalTests.JAPAN, FROM) + ": statusName: 'ON_HOLD'")
				.contains("Invoices of 3 organization(s) not stored");
			assertThat(orgsWithInvoices()).containsExactly(HEALTHY);
			assertThat(count("SELECT COUNT(*) FROM invoice_line_item l JOIN invoice i ON i.id = l.invoice_id"
					+ " WHERE i.org_id <> '" + HEALTHY + "'"))
				.isZero();
			assertThat(Files.exists(this.dir.resolve("reports"))
					&& Files.list(this.dir.resolve("reports")).anyMatch((f) -> f.toString().endsWith(".xlsx")))
				.as("no report from a failed invoice step")
				.isFalse();
			assertThat(count("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'fetch'"
					+ " AND status = 'COMPLETED'"))
				.as("the usage fetched before the invoices is complete and kept")
				.isOne();
			long created = sandbox.counters().creates();

			sandbox.invoices().repair();
			assertThat(InvoiceFunctionalTests.run(this.database, this.dir, sandbox, job, today)).isZero();
			assertThat(output.getOut()).contains("Resuming job execution");
			assertThat(sandbox.counters().creates()).as("the restart asks Atlas for no query again").isEqualTo(created);
			assertThat(orgsWithInvoices()).hasSize(5);
			assertThat(count("SELECT COUNT(*) FROM invoice")).isEqualTo(5 * 3);
		}
	}

	private List<String> orgsWithInvoices() throws Exception {
		List<String> orgs = new ArrayList<>();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT DISTINCT org_id FROM invoice ORDER BY org_id")) {
			while (rs.next()) {
				orgs.add(rs.getString(1));
			}
		}
		return orgs;
	}

	private int count(String sql) throws Exception {
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
