package com.atlascost.reports.invoice;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.AtlasCostExplorerClient;
import com.atlascost.reports.atlas.AtlasInvoice;

import org.springframework.stereotype.Component;

/**
 * Fetches the invoices of a run's organizations and months and stores them, one
 * organization at a time: its invoices are listed ({@code listInvoices}, page by page),
 * each one not yet stored in a settled state is fetched with its line items
 * ({@code getInvoice}), and when the range reaches the open month its pending invoice too
 * ({@code listPendingInvoices}). Everything of an organization is checked before any of
 * it is stored, and stored in one transaction: an organization's invoices are all there
 * or not at all. An organization that fails does not stop the others.
 */
@Component
public class InvoiceFetcher {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceFetcher.class);

	private final AtlasCostExplorerClient client;

	private final InvoiceStore store;

	private final Clock clock;

	public InvoiceFetcher(AtlasCostExplorerClient client, InvoiceStore store, Clock clock) {
		this.client = client;
		this.store = store;
		this.clock = clock;
	}

	/** Fetches and stores the invoices of every organization; never throws for one. */
	public InvoiceOutcome fetch(List<String> orgIds, YearMonth from, YearMonth to) {
		int fetched = 0;
		int kept = 0;
		Map<String, String> failures = new LinkedHashMap<>();
		for (String orgId : orgIds) {
			try {
				OrgFetch result = fetchOrg(orgId, from, to);
				fetched += result.fetched();
				kept += result.kept();
			}
			catch (RuntimeException ex) {
				String reason = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName());
				failures.put(orgId, reason);
				logger.error("Invoices of org {} not stored: {}", orgId, reason);
			}
		}
		return new InvoiceOutcome(fetched, kept, failures);
	}

	private OrgFetch fetchOrg(String orgId, YearMonth from, YearMonth to) {
		Set<String> settled = this.store.settledInvoiceIds(orgId);
		List<AtlasInvoice> listed = Objects.requireNonNull(
				this.client.listInvoices(orgId, from.atDay(1), to.plusMonths(1).atDay(1)).collectList().block());
		List<Invoice> invoices = new ArrayList<>();
		int kept = 0;
		for (AtlasInvoice metadata : listed) {
			InvoiceStatus status = InvoiceReader.status(orgId, metadata);
			String id = Objects.requireNonNull(metadata.id());
			if (status == InvoiceStatus.PENDING) {
				continue;
			}
			if (settled.contains(id)) {
				kept++;
				continue;
			}
			invoices
				.addAll(InvoiceReader.read(orgId, Objects.requireNonNull(this.client.getInvoice(orgId, id).block())));
		}
		if (!to.isBefore(YearMonth.now(this.clock))) {
			List<AtlasInvoice> pending = Objects
				.requireNonNull(this.client.listPendingInvoices(orgId).collectList().block());
			for (AtlasInvoice invoice : pending) {
				invoices.addAll(InvoiceReader.read(orgId, invoice));
			}
		}
		List<Invoice> inRange = invoices.stream()
			.filter((invoice) -> !invoice.month().isBefore(from) && !invoice.month().isAfter(to))
			.toList();
		this.store.store(inRange, this.clock.instant());
		logger.info("Invoices of org {} stored: {} fetched, {} settled ones kept", orgId, inRange.size(), kept);
		return new OrgFetch(inRange.size(), kept);
	}

	private record OrgFetch(int fetched, int kept) {
	}

}
