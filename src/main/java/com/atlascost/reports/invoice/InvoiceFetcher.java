package com.atlascost.reports.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * ({@code listInvoices}, page by page), each one not yet stored in a settled state, or
 * stored settled but listed with another status, billed amount or {@code updated} (a
 * revision: a charge Atlas posted late, recorded as a {@link UsageRevision}), is fetched
 * with its line items ({@code getInvoice}), and when the range reaches the open month its
 * pending invoice too ({@code listPendingInvoices}). Everything of an organization is
 * checked before any of it is stored, and stored in one transaction: an organization's
 * invoices are all there or not at all. An organization that fails does not stop the
 * others.
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
		Map<String, InvoiceStore.SettledInvoice> settled = this.store.settledInvoices(orgId);
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
			InvoiceStore.SettledInvoice stored = settled.get(id);
			if (stored != null && unchanged(stored, status, metadata, InvoiceReader.updated(orgId, metadata))) {
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
		List<UsageRevision> revisions = revisions(settled, inRange);
		this.store.store(inRange, revisions, this.clock.instant());
		revisions.forEach((revision) -> logger.warn("Settled month {} {} revised by Atlas: {}",
				revision.organizationId(), revision.month(), revision.reason()));
		logger.info("Invoices of org {} stored: {} fetched, {} settled ones kept", orgId, inRange.size(), kept);
		return new OrgFetch(orgId, inRange.size(), kept, null);
	}

	/**
	 * Whether a stored settled invoice is still what Atlas lists: same status, billed
	 * amount and last update. An invoice stored before the job kept {@code updated} is
	 * compared without it, and given it.
	 */
	private boolean unchanged(InvoiceStore.SettledInvoice stored, InvoiceStatus status, AtlasInvoice metadata,
			@Nullable Instant updated) {
		Long billed = metadata.amountBilledCents();
		boolean same = stored.status() == status && (billed == null || billed == stored.billedCents())
				&& (updated == null || stored.updated() == null || updated.equals(stored.updated()));
		if (same && updated != null && stored.updated() == null) {
			this.store.noteUpdated(Objects.requireNonNull(metadata.id()), updated);
		}
		return same;
	}

	/** The settled invoices (linked ones included) that came back changed. */
	private List<UsageRevision> revisions(Map<String, InvoiceStore.SettledInvoice> settled, List<Invoice> fetched) {
		Instant now = this.clock.instant();
		List<UsageRevision> revisions = new ArrayList<>();
		for (Invoice invoice : fetched) {
			InvoiceStore.SettledInvoice before = settled.get(invoice.id());
			UsageRevision revision = (before != null) ? UsageRevision.of(before, invoice, now) : null;
			if (revision != null) {
				revisions.add(revision);
			}
		}
		return revisions;
	}

	/** What one organization's invoices came to: counts, or why they were not stored. */
	private record OrgFetch(String orgId, int fetched, int kept, @Nullable String failure) {
	}

}
