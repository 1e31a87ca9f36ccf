package com.atlascost.reports.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.Reconciler;
import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.invoice.TagLine;
import com.atlascost.reports.invoice.TagTotals;
import com.atlascost.reports.invoice.UsageTotals;
import com.atlascost.reports.plan.TagKeys;

/**
 * What a report shows of the invoices: the Reconciliation and Tags sheets, the FOCUS CSV.
 *
 * @param invoices the invoices of the run's organizations and months (linked ones
 * included), as the store orders them
 * @param reconciliation each organization's months against their invoices
 * @param tags the cost per tag key and value, when the job asks for tags
 * @param tagKeys the tag keys the job asks for
 * @param usageSource where the usage side of the reconciliation comes from
 * @param labels the job file's label of each organization
 * @param fetched whether the run fetched invoices ({@code false}: no invoice sheets)
 */
public record InvoiceReport(List<Invoice> invoices, List<ReconciliationLine> reconciliation, List<TagLine> tags,
		TagKeys tagKeys, @Nullable String usageSource, Map<String, String> labels, boolean fetched) {

	public InvoiceReport {
		invoices = List.copyOf(invoices);
		reconciliation = List.copyOf(reconciliation);
		tags = List.copyOf(tags);
		labels = Map.copyOf(labels);
	}

	/** A report without invoices: no invoice sheets, a FOCUS CSV of its header only. */
	static InvoiceReport none() {
		return new InvoiceReport(List.of(), List.of(), List.of(), TagKeys.none(), null, Map.of(), false);
	}

	/** Reconciles and totals the tags of the organizations' invoices. */
	public static InvoiceReport of(Map<String, String> labels, List<Invoice> invoices, UsageTotals usage,
			TagKeys tagKeys) {
		Collection<String> orgIds = labels.keySet();
		return new InvoiceReport(invoices, Reconciler.reconcile(orgIds, invoices, usage),
				TagTotals.of(orgIds, invoices, tagKeys), tagKeys, usage.source(), labels, true);
	}

	/** The job's label of an organization, else its id. */
	String label(String orgId) {
		return this.labels.getOrDefault(orgId, orgId);
	}

	/**
	 * The settled org-months with a difference nothing explains, each as
	 * {@code Acme Analytics 2026-03: 12.34 unexplained}.
	 */
	public List<String> unexplained() {
		return this.reconciliation.stream()
			.filter(ReconciliationLine::flagged)
			.map((line) -> label(line.orgMonth().orgId()) + " " + line.orgMonth().month() + ": "
					+ line.unexplained().orElseThrow().toPlainString() + " unexplained")
			.toList();
	}

}
