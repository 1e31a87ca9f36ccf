package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Java {@link Reconciler} over what a run stored: the invoices of every organization
 * and month, against the bills of {@code monthly_cost_by_organization}, for tests that
 * compare it with the view {@code invoice_reconciliation}.
 */
public final class StoredReconciliation {

	private StoredReconciliation() {
	}

	public static List<ReconciliationLine> of(Connection connection) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		InvoiceStore store = new InvoiceStore(jdbc, new DataSourceTransactionManager(dataSource));
		List<String> orgIds = jdbc.sql("SELECT DISTINCT org_id FROM invoice").query(String.class).list();
		List<Invoice> invoices = store.invoices(orgIds, YearMonth.of(2000, 1), YearMonth.of(2100, 1));
		Map<OrgMonth, BigDecimal> totals = new TreeMap<>();
		jdbc.sql("SELECT organization_id, billing_month, amount FROM monthly_cost_by_organization").query((rs) -> {
			totals.put(new OrgMonth(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))),
					rs.getBigDecimal(3));
		});
		return Reconciler.reconcile(orgIds, invoices, new UsageTotals(totals, "bill"));
	}

}
