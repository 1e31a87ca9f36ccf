package com.atlascost.reports.invoice;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.atlascost.reports.atlas.AtlasInvoice;
import com.atlascost.reports.atlas.InvoicesApi;

import org.springframework.stereotype.Component;

/**
 * Fetches the invoices of a run's organizations and months and stores them, several
 * organizations at once and each organization's calls in turn: its invoices are listed
 * ({@code listInvoices}, page by page), each one not yet stored in a settled state is
 * fetched with its line items ({@code getInvoice}), and when the range reaches the open
 * month its pending invoice too ({@code listPendingInvoices}). Everything of an
 * organization is checked before any of it is stored, and stored in one transaction: an
 * organization's invoices are all there or not at all. An organization that fails does
 * not stop the others.
 */
@Component
public class InvoiceFetcher {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceFetcher.class);

	private final InvoicesApi client;

	private final InvoiceStore store;

	private final Clock clock;

	private final InvoiceProperties properties;

	public InvoiceFetcher(InvoicesApi client, InvoiceStore store, Clock clock, InvoiceProperties properties) {
		this.client = client;
		this.store = store;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Fetches and stores the invoices of every organization, {@code invoices.concurrency}
	 * organizations at once; never throws for one. Failures are reported in the job's
	 * order of organizations.
	 */
	public InvoiceOutcome fetch(List<String> orgIds, YearMonth from, YearMonth to) {
		List<OrgFetch> results = Flux.fromIterable(orgIds)
			.flatMapSequential((orgId) -> Mono.fromCallable(() -> attempt(orgId, from, to))
				.subscribeOn(Schedulers.boundedElastic()), this.properties.concurrency())
			.collectList()
			.blockOptional()
			.orElse(List.of());
		int fetched = 0;
		int kept = 0;
		Map<String, String> failures = new LinkedHashMap<>();
		for (OrgFetch result : results) {
			fetched += result.fetched();
			kept += result.kept();
			if (result.failure() != null) {
				failures.put(result.orgId(), result.failure());
			}
		}
		return new InvoiceOutcome(fetched, kept, failures);
	}

	private OrgFetch attempt(String orgId, YearMonth from, YearMonth to) {
		try {
			return fetchOrg(orgId, from, to);
		}
		catch (RuntimeException ex) {
			String reason = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName());
			logger.error("Invoices of org {} not stored: {}", orgId, reason);
			return new OrgFetch(orgId, 0, 0, reason);
		}
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
		return new OrgFetch(orgId, inRange.size(), kept, null);
	}

	/** What one organization's invoices came to: counts, or why they were not stored. */
	private record OrgFetch(String orgId, int fetched, int kept, @Nullable String failure) {
	}

}
