package com.atlascost.reports.sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The invoice operations, as the specification gives them: {@code listInvoices} (paged,
 * {@code fromDate}/{@code toDate}), {@code getInvoice} and {@code listPendingInvoices},
 * in the organization's billing bucket and in version {@code 2023-01-01} only. The
 * invoices are {@link SandboxInvoices}'.
 */
final class InvoiceEndpoints {

	private final SandboxInvoices invoices;

	private final SandboxApi api;

	private final ListingEndpoints listings;

	InvoiceEndpoints(SandboxInvoices invoices, SandboxApi api, ListingEndpoints listings) {
		this.invoices = invoices;
		this.api = api;
		this.listings = listings;
	}

	/** {@code listInvoices}: the organization's invoices between the dates, paged. */
	Publisher<Void> listInvoices(HttpServerRequest request, HttpServerResponse response) {
		return invoiceCall(request, response, SandboxOperation.LIST_INVOICES, (call) -> {
			Map<String, List<String>> parameters = new QueryStringDecoder(request.uri()).parameters();
			YearMonth from;
			YearMonth toExclusive;
			try {
				LocalDate fromDate = date(parameters, "fromDate");
				LocalDate toDate = date(parameters, "toDate");
				from = (fromDate == null) ? null : (fromDate.getDayOfMonth() == 1) ? YearMonth.from(fromDate)
						: YearMonth.from(fromDate).plusMonths(1);
				toExclusive = (toDate == null) ? null : YearMonth.from(toDate);
			}
			catch (DateTimeParseException ex) {
				return SandboxAnswer.badRequest("fromDate and toDate must be dates (YYYY-MM-DD).");
			}
			this.invoices.listed();
			return this.listings.page(request, this.invoices.list(call.orgId(), from, toExclusive));
		});
	}

	/** {@code getInvoice}: one invoice with its line items. */
	Publisher<Void> getInvoice(HttpServerRequest request, HttpServerResponse response) {
		return invoiceCall(request, response, SandboxOperation.GET_INVOICE, (call) -> {
			String invoiceId = request.param("invoiceId");
			if (invoiceId == null || !UsageQueryValidator.ID.matcher(invoiceId).matches()) {
				return SandboxAnswer.badRequest("Invalid invoice id " + invoiceId + ".");
			}
			this.invoices.fetched(invoiceId);
			return this.invoices.find(call.orgId(), invoiceId)
				.map((invoice) -> SandboxAnswer.ok(200, invoice))
				.orElseGet(() -> SandboxAnswer.notFound("INVOICE_NOT_FOUND",
						"No invoice with ID " + invoiceId + " exists for organization " + call.orgId() + "."));
		});
	}

	/** {@code listPendingInvoices}: the open month's invoice. */
	Publisher<Void> pendingInvoices(HttpServerRequest request, HttpServerResponse response) {
		return invoiceCall(request, response, SandboxOperation.LIST_PENDING_INVOICES, (call) -> {
			this.invoices.listedPending();
			List<Map<String, Object>> pending = this.invoices.pending(call.orgId());
			Map<String, Object> page = new LinkedHashMap<>();
			page.put("links", List.of());
			page.put("results", pending);
			page.put("totalCount", pending.size());
			return SandboxAnswer.ok(200, page);
		});
	}

	private Mono<Void> invoiceCall(HttpServerRequest request, HttpServerResponse response, SandboxOperation operation,
			Function<SandboxCall, SandboxAnswer> handler) {
		Function<SandboxCall, SandboxAnswer> versioned = (call) -> SandboxInvoices.VERSION.equals(call.version())
				? handler.apply(call) : SandboxAnswer.error(406, "INVALID_VERSION_HEADER", "Not Acceptable",
						"The invoice operations have version " + SandboxInvoices.VERSION + " only.");
		Mono<Void> answered = this.api.call(request, response, SandboxApi.Scope.BILLING, operation, versioned);
		Duration delay = this.invoices.answerDelay();
		Mono<Void> delayed = delay.isZero() ? answered : Mono.delay(delay).then(answered);
		return Mono.defer(() -> {
			this.invoices.callStarted();
			return delayed;
		}).doFinally((signal) -> this.invoices.callEnded());
	}

	private static @Nullable LocalDate date(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values == null || values.isEmpty()) ? null : LocalDate.parse(values.get(0));
	}

}
