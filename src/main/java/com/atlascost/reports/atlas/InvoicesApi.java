package com.atlascost.reports.atlas;

import java.time.LocalDate;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An organization's invoices, as the specification's {@code Invoices} tag has them. */
public final class InvoicesApi {

	private static final String INVOICES_PATH = "/api/atlas/v2/orgs/{orgId}/invoices";

	private final AtlasPipeline pipeline;

	InvoicesApi(AtlasPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * The invoices of the organization whose billing periods fall between the two dates
	 * (inclusive, as Atlas filters them), page after page, without line items; those of
	 * linked organizations included.
	 */
	public Flux<AtlasInvoice> listInvoices(String orgId, LocalDate fromDate, LocalDate toDate) {
		return this.pipeline.listAll(AtlasApiCall.LIST_INVOICES, orgId, AtlasInvoice.class,
				(uri) -> uri.queryParam("fromDate", fromDate)
					.queryParam("toDate", toDate)
					.queryParam("sortBy", "START_DATE")
					.queryParam("orderBy", "asc"),
				INVOICES_PATH, orgId);
	}

	/** One invoice with its line items and linked invoices. */
	public Mono<AtlasInvoice> getInvoice(String orgId, String invoiceId) {
		return this.pipeline
			.get(AtlasApiCall.GET_INVOICE, orgId, Set.of(200), INVOICES_PATH + "/{invoiceId}", orgId, invoiceId)
			.handle((ok, sink) -> {
				AtlasInvoice invoice = this.pipeline.read(ok, AtlasInvoice.class);
				if (invoice == null) {
					sink.error(new AtlasApiException(ok.status(), AtlasApiException.UNPARSEABLE_BODY,
							"the answer carries no invoice", orgId, AtlasApiCall.GET_INVOICE, null));
					return;
				}
				sink.next(invoice);
			});
	}

	/** The open month's invoices, with their line items. */
	public Flux<AtlasInvoice> listPendingInvoices(String orgId) {
		return this.pipeline.getItems(AtlasApiCall.LIST_PENDING_INVOICES, orgId, AtlasInvoice.class,
				INVOICES_PATH + "/pending", orgId);
	}

}
