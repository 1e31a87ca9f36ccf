package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Invoices, their line items and tags, in the database. */
@Repository
public class InvoiceStore {

	private static final TypeReference<SortedMap<String, List<String>>> TAGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Each store is a transaction of its own, even inside the step's: an organization's
	 * invoices stay stored when another organization's fail the step.
	 */
	InvoiceStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The ids of the settled invoices stored for the organization (as payer or user):
	 * they never change, so they are not fetched again.
	 */
	Set<String> settledInvoiceIds(String orgId) {
		return new TreeSet<>(this.jdbc.sql(
				"SELECT id FROM invoice WHERE (org_id = ? OR paying_org_id = ?) AND status NOT IN ('PENDING', 'FAILED')")
			.params(orgId, orgId)
			.query(String.class)
			.list());
	}

	/**
	 * The settled invoices stored for the organization (as payer or user), by id, with
	 * what a listing shows of them: a listed invoice that differs has been revised.
	 */
	Map<String, SettledInvoice> settledInvoices(String orgId) {
		Map<String, SettledInvoice> settled = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT id, org_id, paying_org_id, billing_month, status, amount_billed_cents, updated FROM invoice"
					+ " WHERE (org_id = ? OR paying_org_id = ?) AND status NOT IN ('PENDING', 'FAILED')")
			.params(orgId, orgId)
			.query((ResultSet rs) -> {
				settled.put(rs.getString("id"),
						new SettledInvoice(rs.getString("org_id"), rs.getString("paying_org_id"),
								YearMonth.from(rs.getObject("billing_month", LocalDate.class)),
								InvoiceStatus.valueOf(rs.getString("status")), rs.getLong("amount_billed_cents"),
								optionalInstant(rs, "updated")));
			});
		return settled;
	}

	/** Notes when Atlas last updated an invoice stored before the job kept it. */
	void noteUpdated(String invoiceId, Instant updated) {
		this.jdbc.sql("UPDATE invoice SET updated = ? WHERE id = ? AND updated IS NULL")
			.params(updated.atOffset(ZoneOffset.UTC), invoiceId)
			.update();
	}

	/**
	 * Stores the invoices in one transaction, each replacing what was stored under its
	 * id: all of them or, on failure, none.
	 */
	public void store(List<Invoice> invoices, Instant fetchedAt) {
		store(invoices, List.of(), fetchedAt);
	}

	/**
	 * Stores the invoices and the revisions of settled months they make, in one
	 * transaction.
	 */
	void store(List<Invoice> invoices, List<UsageRevision> revisions, Instant fetchedAt) {
		this.transactions.executeWithoutResult((status) -> {
			invoices.forEach((invoice) -> replace(invoice, fetchedAt));
			revisions.forEach(this::insert);
		});
	}

	private void insert(UsageRevision revision) {
		this.jdbc
			.sql("INSERT INTO usage_revision (organization_id, billing_account_id, billing_month, invoice_id,"
					+ " old_amount_billed, new_amount_billed, old_status, new_status, old_updated, new_updated,"
					+ " detected_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(new Object[] { revision.organizationId(), revision.billingAccountId(), revision.month().atDay(1),
					revision.invoiceId(), revision.oldBilled(), revision.newBilled(), revision.oldStatus().name(),
					revision.newStatus().name(), utc(revision.oldUpdated()), utc(revision.newUpdated()),
					utc(revision.detectedAt()), revision.reason() })
			.update();
	}

	private void replace(Invoice invoice, Instant fetchedAt) {
		this.jdbc.sql("DELETE FROM invoice_line_tag WHERE invoice_id = ?").param(invoice.id()).update();
		this.jdbc.sql("DELETE FROM invoice_line_item WHERE invoice_id = ?").param(invoice.id()).update();
		this.jdbc.sql("DELETE FROM invoice WHERE id = ?").param(invoice.id()).update();
		this.jdbc
			.sql("INSERT INTO invoice (id, org_id, paying_org_id, billing_month, start_date, end_date, status,"
					+ " subtotal_cents, credits_cents, sales_tax_cents, amount_billed_cents, fetched_at, updated)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(new Object[] { invoice.id(), invoice.orgId(), invoice.payingOrgId(), invoice.month().atDay(1),
					utc(invoice.startDate()), utc(invoice.endDate()), invoice.status().name(), invoice.subtotalCents(),
					invoice.creditsCents(), invoice.salesTaxCents(), invoice.amountBilledCents(), utc(fetchedAt),
					utc(invoice.updated()) })
			.update();
		for (InvoiceLineItem line : invoice.lineItems()) {
			this.jdbc
				.sql("INSERT INTO invoice_line_item (invoice_id, line_no, sku, quantity, unit, unit_price_dollars,"
						+ " total_price_cents, discount_cents, start_date, end_date, group_id, group_name,"
						+ " cluster_name, note, tags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(new Object[] { invoice.id(), line.lineNo(), line.sku(), line.quantity(), line.unit(),
						line.unitPriceDollars(), line.totalPriceCents(), line.discountCents(), utc(line.startDate()),
						utc(line.endDate()), line.groupId(), line.groupName(), line.clusterName(), line.note(),
						this.json.writeValueAsString(line.tags()) })
				.update();
			for (String key : line.tags().keySet()) {
				String value = line.tagValue(key);
				if (value != null) {
					this.jdbc
						.sql("INSERT INTO invoice_line_tag (invoice_id, line_no, tag_key, tag_value)"
								+ " VALUES (?, ?, ?, ?)")
						.params(invoice.id(), line.lineNo(), key, value)
						.update();
				}
			}
		}
	}

	/**
	 * The invoices of these organizations (as the organization billed or the payer) for
	 * months {@code from} to {@code to}, by payer, month, organization and id.
	 */
	public List<Invoice> invoices(Collection<String> orgIds, YearMonth from, YearMonth to) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		Map<String, Invoice> invoices = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT id, org_id, paying_org_id, start_date, end_date, status, subtotal_cents, credits_cents,"
					+ " sales_tax_cents, amount_billed_cents, updated FROM invoice"
					+ " WHERE (org_id IN (:orgs) OR paying_org_id IN (:orgs)) AND billing_month >= :from"
					+ " AND billing_month <= :to ORDER BY paying_org_id, billing_month, org_id, id")
			.param("orgs", List.copyOf(orgIds))
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, n) -> new Invoice(rs.getString("id"), rs.getString("org_id"), rs.getString("paying_org_id"),
					instant(rs, "start_date"), instant(rs, "end_date"), InvoiceStatus.valueOf(rs.getString("status")),
					rs.getLong("subtotal_cents"), rs.getLong("credits_cents"), rs.getLong("sales_tax_cents"),
					rs.getLong("amount_billed_cents"), List.of(), optionalInstant(rs, "updated")))
			.list()
			.forEach((invoice) -> invoices.put(invoice.id(), invoice));
		if (invoices.isEmpty()) {
			return List.of();
		}
		Map<String, List<InvoiceLineItem>> lines = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT invoice_id, line_no, sku, quantity, unit, unit_price_dollars, total_price_cents,"
					+ " discount_cents, start_date, end_date, group_id, group_name, cluster_name, note, tags_json"
					+ " FROM invoice_line_item WHERE invoice_id IN (:ids) ORDER BY invoice_id, line_no")
			.param("ids", List.copyOf(invoices.keySet()))
			.query((ResultSet rs) -> {
				lines.computeIfAbsent(rs.getString("invoice_id"), (id) -> new ArrayList<>()).add(lineItem(rs));
			});
		List<Invoice> result = new ArrayList<>();
		invoices.values()
			.forEach((invoice) -> result.add(new Invoice(invoice.id(), invoice.orgId(), invoice.payingOrgId(),
					invoice.startDate(), invoice.endDate(), invoice.status(), invoice.subtotalCents(),
					invoice.creditsCents(), invoice.salesTaxCents(), invoice.amountBilledCents(),
					lines.getOrDefault(invoice.id(), List.of()), invoice.updated())));
		return result;
	}

	/** What is stored of a settled invoice, to compare with its listing. */
	record SettledInvoice(String orgId, String payingOrgId, YearMonth month, InvoiceStatus status, long billedCents,
			@Nullable Instant updated) {
	}

	private InvoiceLineItem lineItem(ResultSet rs) throws SQLException {
		SortedMap<String, List<String>> tags = new TreeMap<>(this.json.readValue(rs.getString("tags_json"), TAGS));
		return new InvoiceLineItem(rs.getInt("line_no"), rs.getString("sku"), decimal(rs, "quantity"),
				rs.getString("unit"), decimal(rs, "unit_price_dollars"), rs.getLong("total_price_cents"),
				rs.getLong("discount_cents"), optionalInstant(rs, "start_date"), optionalInstant(rs, "end_date"),
				rs.getString("group_id"), rs.getString("group_name"), rs.getString("cluster_name"),
				rs.getString("note"), tags);
	}

	/** Without the database's padding (DECIMAL(30, 10)): 1.5 reads back as 1.5. */
	private static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return InvoiceReader.canonical(rs.getBigDecimal(column));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
