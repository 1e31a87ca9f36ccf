package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.sandbox.SandboxInvoices;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoices stored in, and read back from, real H2 and PostgreSQL databases. */
@OnEachDatabase
class InvoiceStoreTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC);

	private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	private InvoiceStore store;

	private JdbcClient jdbc;

	private final SandboxInvoices sandbox = new SandboxInvoices(new SandboxData(CLOCK), CLOCK);

	@BeforeEach
	void migrate() {
		DataSource dataSource = this.database.migrated(this.dir);
		this.jdbc = JdbcClient.create(dataSource);
		this.store = new InvoiceStore(this.jdbc, new DataSourceTransactionManager(dataSource));
	}

	@Test
	void invoicesReadBackExactlyAndStoringThemAgainStoresNothingTwice() {
		List<Invoice> invoices = read(SandboxData.ACME_PRODUCTION, OCTOBER, NOVEMBER);
		this.store.store(invoices, Instant.now());
		int lines = count("invoice_line_item");
		int tags = count("invoice_line_tag");
		this.store.store(invoices, Instant.now());
		this.store.store(invoices.subList(0, 1), Instant.now());

		assertThat(count("invoice")).isEqualTo(4);
		assertThat(count("invoice_line_item")).isEqualTo(lines)
			.isEqualTo(invoices.stream().mapToInt((invoice) -> invoice.lineItems().size()).sum());
		assertThat(count("invoice_line_tag")).isEqualTo(tags).isPositive();
		List<Invoice> back = this.store.invoices(List.of(SandboxData.ACME_PRODUCTION), OCTOBER, NOVEMBER);
		assertThat(back).containsExactlyInAnyOrderElementsOf(invoices);
		assertThat(this.store.invoices(List.of(SandboxData.ACME_SANDBOX), OCTOBER, OCTOBER))
			.extracting(Invoice::orgId, Invoice::payingOrgId)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(SandboxData.ACME_SANDBOX, SandboxData.ACME_PRODUCTION));
		assertThat(this.store.invoices(List.of(SandboxData.ACME_PRODUCTION), NOVEMBER, NOVEMBER))
			.extracting(Invoice::status)
			.containsOnly(InvoiceStatus.PENDING);
		assertThat(this.store.invoices(List.of(), OCTOBER, NOVEMBER)).isEmpty();
	}

	@Test
	void onlySettledInvoicesCountAsFetchedForGood() {
		this.store.store(read(SandboxData.ACME_PRODUCTION, OCTOBER, NOVEMBER), Instant.now());
		assertThat(this.store.settledInvoiceIds(SandboxData.ACME_PRODUCTION)).containsExactlyInAnyOrder(
				SandboxInvoices.invoiceId(SandboxData.ACME_PRODUCTION, OCTOBER),
				SandboxInvoices.invoiceId(SandboxData.ACME_SANDBOX, OCTOBER));
	}

	@Test
	void aStoreThatFailsPartWayLeavesNothingOfIt() {
		List<Invoice> invoices = new ArrayList<>(read(SandboxData.ACME_ANALYTICS, OCTOBER, OCTOBER));
		Invoice good = invoices.get(0);
		// an org id longer than the column: the database refuses the second invoice
		invoices.add(new Invoice("0123456789abcdef01234567", "x".repeat(40), "x".repeat(40), good.startDate(),
				good.endDate(), good.status(), 0, 0, 0, 0, List.of()));
		assertThatThrownBy(() -> this.store.store(invoices, Instant.now())).isInstanceOf(RuntimeException.class);
		assertThat(count("invoice")).isZero();
		assertThat(count("invoice_line_item")).isZero();
	}

	@Test
	void theViewsAddEachTagKeyUpToTheBilledAmountAndReconcileAgainstStoredUsage() {
		List<Invoice> invoices = new ArrayList<>(read(SandboxData.ACME_ANALYTICS, OCTOBER, NOVEMBER));
		invoices.addAll(read(SandboxData.ACME_PRODUCTION, OCTOBER, OCTOBER));
		this.store.store(invoices, Instant.now());

		for (Invoice invoice : invoices) {
			Map<String, BigDecimal> byKey = new TreeMap<>();
			this.jdbc
				.sql("SELECT tag_key, amount FROM monthly_cost_by_tag WHERE organization_id = ? AND billing_month = ?")
				.params(invoice.orgId(), invoice.month().atDay(1))
				.query((rs, n) -> byKey.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add))
				.list();
			assertThat(byKey).as("%s", invoice.id()).isNotEmpty();
			assertThat(byKey.values()).as("%s", invoice.id())
				.allSatisfy((total) -> assertThat(total)
					.isEqualByComparingTo(BigDecimal.valueOf(invoice.amountBilledCents(), 2)));
		}
		assertThat(this.jdbc
			.sql("SELECT amount FROM monthly_cost_by_tag WHERE organization_id = ? AND billing_month = ?"
					+ " AND tag_key = 'team' AND tag_value = 'payments'")
			.params(SandboxData.ACME_PRODUCTION, OCTOBER.atDay(1))
			.query(BigDecimal.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM monthly_cost_by_tag WHERE provisional")
			.query(Integer.class)
			.single()).isPositive();

		// no usage stored: the reconciliation shows the invoice and no usage
		BigDecimal difference = this.jdbc
			.sql("SELECT difference FROM invoice_reconciliation WHERE organization_id = ? AND billing_month = ?")
			.params(SandboxData.ACME_PRODUCTION, OCTOBER.atDay(1))
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		assertThat(difference).isNull();
		assertThat(this.jdbc
			.sql("SELECT amount_billed FROM invoice_reconciliation WHERE organization_id = ? AND billing_month = ?")
			.params(SandboxData.ACME_ANALYTICS, OCTOBER.atDay(1))
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo(BigDecimal.valueOf(invoices.get(0).amountBilledCents(), 2));
	}

	private List<Invoice> read(String orgId, YearMonth from, YearMonth to) {
		List<Invoice> invoices = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			invoices.addAll(InvoiceReader.read(orgId, InvoiceReaderTests.answer(this.sandbox.invoice(orgId, month))));
		}
		return invoices;
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

}
