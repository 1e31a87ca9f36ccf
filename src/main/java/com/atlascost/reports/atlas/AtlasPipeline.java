package com.atlascost.reports.atlas;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

import com.atlascost.reports.atlas.auth.AtlasAuthentication;
import com.atlascost.reports.atlas.ratelimit.ListingRateLimiter;
import com.atlascost.reports.atlas.ratelimit.OrganizationRateLimiter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one path every Atlas call takes, as the Go SDK's {@code APIClient}: ids checked
 * before they enter a path, the operation's version in {@code Accept} (and a POST's
 * {@code Content-Type}), envelopes, errors as {@link AtlasApiException}, retries
 * ({@link AtlasRetries}), paging ({@link AtlasPaging}) and each organization's pace. The
 * API classes only say which operation, path and answer.
 * <p>
 * Versions are per operation ({@link AtlasApiVersions}); a 406 or 410 fails the call at
 * once, naming the operation, the version and the property to change.
 */
final class AtlasPipeline {

	private static final Logger logger = LoggerFactory.getLogger(AtlasPipeline.class);

	private final WebClient webClient;

	private final AtlasProperties properties;

	private final JsonMapper mapper = AtlasJson.mapper();

	private final AtlasMetrics metrics;

	private final AtlasApiVersions versions;

	private final OrganizationRateLimiter limiter;

	private final AtlasRetries retries;

	private final AtlasPaging paging;

	AtlasPipeline(AtlasConnection connection, AtlasProperties properties, AtlasMetrics metrics) {
		ClientHttpConnector connector = AtlasHttpConnector.create(properties.timeouts());
		AtlasAuthentication.Authenticator authenticator = AtlasAuthentication.filterFor(connection.credentials(),
				connection.baseUrl(), connector, tokenErrors(), AtlasJson.mapper());
		this.versions = properties.versions();
		this.versions.deprecationWarning().ifPresent(logger::warn);
		this.limiter = new OrganizationRateLimiter(properties.rateLimit());
		this.webClient = WebClient.builder()
			.baseUrl(connection.baseUrl())
			.clientConnector(connector)
			.codecs((codecs) -> codecs.defaultCodecs()
				.maxInMemorySize(Math.toIntExact(properties.maxAnswerSize().toBytes())))
			// filters run in the order added: the limiter is innermost, next to the wire
			.filter(authenticator.filter())
			.filter(this.limiter)
			.filter(new ListingRateLimiter(properties.rateLimit()))
			.build();
		this.retries = new AtlasRetries(properties, metrics, authenticator.forgetToken());
		this.paging = new AtlasPaging(properties.itemsPerPage(), properties.listingDeadline(), this.mapper);
		this.properties = properties;
		this.metrics = metrics;
		metrics.watchSlowdowns(this.limiter::slowedOrganizations);
	}

	/**
	 * GETs one answer of the operation; {@code pathValues} fill the path's variables.
	 */
	Mono<AtlasReply> get(AtlasApiCall call, String orgId, Set<Integer> successStatuses, String path,
			String... pathValues) {
		return send(call, orgId, successStatuses, HttpMethod.GET, null, path, pathValues);
	}

	/** POSTs {@code body} as JSON, in the operation's version. */
	Mono<AtlasReply> post(AtlasApiCall call, String orgId, Set<Integer> successStatuses, Object body, String path,
			String... pathValues) {
		return send(call, orgId, successStatuses, HttpMethod.POST, body, path, pathValues);
	}

	/** The pace of the organization's bucket now, requests per second. */
	double currentRate(String orgId) {
		return this.limiter.currentRate(orgId);
	}

	/** The items of a list answered in one page. */
	<T> Flux<T> getItems(AtlasApiCall call, String orgId, Class<T> type, String path, String... pathValues) {
		return get(call, orgId, Set.of(200), path, pathValues).flatMapIterable(this.paging::results)
			.map((item) -> this.mapper.treeToValue(item, type));
	}

	/**
	 * Every item of a list, page after page; {@code query} adds the call's parameters.
	 */
	<T> Flux<T> listAll(AtlasApiCall call, String orgId, Class<T> type, UnaryOperator<UriBuilder> query, String path,
			String pathValue) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, call, path, pathValue);
		if (refused != null) {
			return refused.thenMany(Flux.empty());
		}
		String listed = pathValue.equals(orgId) ? "organization " + orgId : "project " + pathValue;
		return this.paging
			.listAll((pageNum) -> exchange(call, orgId, Set.of(200), HttpMethod.GET, null,
					(uri) -> withEnvelope(query.apply(uri.path(path))).queryParam("pageNum", pageNum)
						.queryParam("itemsPerPage", this.properties.itemsPerPage())
						.build(pathValue)),
					orgId, call, listed)
			.handle((item, sink) -> {
				// an id from a listing goes into filters and paths: one that is not an id
				// ('..', a path) fails the listing before any request carries it
				JsonNode id = item.path("id");
				if (!id.isString() || !AtlasIdFormat.ID.matcher(id.stringValue()).matches()) {
					sink.error(new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER,
							"id: " + AtlasIdFormat.shown(id.isString() ? id.stringValue() : id.toString())
									+ " in the listing of " + listed + " is not an Atlas id (24 hex digits); not used",
							orgId, call, null));
					return;
				}
				sink.next(this.mapper.treeToValue(item, type));
			});
	}

	/** The answer's body as {@code type}; {@code null} for an empty one. */
	<T> @Nullable T read(AtlasReply reply, Class<T> type) {
		return this.mapper.treeToValue(reply.content(), type);
	}

	private Mono<AtlasReply> send(AtlasApiCall call, String orgId, Set<Integer> successStatuses, HttpMethod method,
			@Nullable Object body, String path, String... pathValues) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, call, path, pathValues);
		if (refused != null) {
			return refused.then(Mono.empty());
		}
		String json = (body != null) ? this.mapper.writeValueAsString(body) : null;
		return exchange(call, orgId, successStatuses, method, json,
				(uri) -> withEnvelope(uri.path(path)).build((Object[]) pathValues));
	}

	private Mono<AtlasReply> exchange(AtlasApiCall call, String orgId, Set<Integer> successStatuses, HttpMethod method,
			@Nullable String body, Function<UriBuilder, URI> uri) {
		String mediaType = this.versions.mediaType(call);
		Mono<AtlasReply> reply = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.webClient.method(method)
				.uri(uri)
				.header(HttpHeaders.ACCEPT, mediaType);
			return ((body != null) ? request.contentType(MediaType.parseMediaType(mediaType)).bodyValue(body) : request)
				.exchangeToMono((response) -> {
					observeBucket(orgId, call, response);
					return read(response);
				});
		});
		return this.retries.around(checked(reply, orgId, call, successStatuses), call);
	}

	private UriBuilder withEnvelope(UriBuilder uri) {
		return this.properties.envelope() ? uri.queryParam("envelope", true) : uri;
	}

	private Mono<AtlasReply> read(ClientResponse response) {
		return AtlasReply.read(response, this.mapper);
	}

	/**
	 * Errors, statuses the call never answers (a redirect, a 204), unreadable bodies and
	 * network failures become {@link AtlasApiException}.
	 */
	private Mono<AtlasReply> checked(Mono<AtlasReply> exchange, String orgId, AtlasApiCall call,
			Set<Integer> successStatuses) {
		Duration deadline = this.properties.timeouts().exchange();
		return exchange
			// a whole exchange, token request and body included, not only the wait for
			// headers: a server dripping its answer must not hold a call for hours
			.timeout(deadline, Mono.error(
					() -> new TimeoutException("no complete answer within atlas.timeouts.exchange (" + deadline + ")")))
			.doOnNext((reply) -> this.metrics.answered(call, Integer.toString(reply.status())))
			.doOnError((ex) -> countFailedExchange(call, ex))
			.onErrorMap(OAuth2AuthorizationException.class, (ex) -> tokenFailure(ex, orgId))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(orgId, call, ex))
			.onErrorMap(AtlasPipeline::isNetworkFailure, (ex) -> AtlasApiException.noAnswer(orgId, call, ex))
			.doOnNext((reply) -> pace(orgId, call, reply))
			.flatMap((reply) -> {
				if (reply.status() == 406 || reply.status() == 410) {
					return Mono.error(this.versions.refused(reply.toException(orgId, call)));
				}
				// a 2xx cut short: an envelope's status is inside the body it cut
				AtlasReply.BadBody badBody = reply.badBody();
				if (badBody != null && (successStatuses.contains(reply.status()) || reply.status() == 200)) {
					return Mono.error(badBody.toException(reply.status(), orgId, call));
				}
				if (!successStatuses.contains(reply.status())) {
					return Mono.error(reply.toException(orgId, call));
				}
				return Mono.just(reply);
			})
			.onErrorMap(AtlasApiException.class, (ex) -> ex.forOrg(orgId));
	}

	/**
	 * The size of the organization's bucket, when Atlas says it
	 * ({@code RateLimit-Limit}): another client's share or a smaller bucket than
	 * published shows there first.
	 */
	private void observeBucket(String orgId, AtlasApiCall call, ClientResponse response) {
		String limit = response.headers().asHttpHeaders().getFirst("RateLimit-Limit");
		if (!call.billingBucket() || limit == null) {
			return;
		}
		try {
			this.limiter.bucketSize(orgId, Integer.parseInt(limit.trim()));
		}
		catch (NumberFormatException ex) {
			// not a number: the header is advisory, the pace keeps what it knows
		}
	}

	/** The capacity of the organization's bucket as the pace knows it. */
	int bucketCapacity(String orgId) {
		return this.limiter.capacity(orgId);
	}

	/** Tells the organization's pace how its bucket answered. */
	private void pace(String orgId, AtlasApiCall call, AtlasReply reply) {
		if (!call.billingBucket()) {
			return;
		}
		if (reply.status() == 429) {
			Duration retryAfter = reply.retryAfter();
			this.limiter.rateLimited(orgId, (retryAfter != null) ? this.retries.capped(retryAfter, orgId, call) : null);
		}
		else {
			this.limiter.answered(orgId);
		}
	}

	/**
	 * An exchange that produced no reply: the token endpoint refused (counted as its own
	 * call) or the network failed.
	 */
	private void countFailedExchange(AtlasApiCall call, Throwable ex) {
		if (ex instanceof AtlasApiException atlas) {
			this.metrics.answered(atlas.call(), Integer.toString(atlas.status()));
		}
		else {
			this.metrics.answered(call, "IO_ERROR");
		}
	}

	/**
	 * The token endpoint answered 2xx but not with a usable token (its error statuses
	 * become {@link AtlasApiException} before Spring Security sees them, see
	 * {@link #tokenErrors}).
	 */
	private static AtlasApiException tokenFailure(OAuth2AuthorizationException ex, String orgId) {
		return new AtlasApiException(401, "UNAUTHORIZED", ex.getError().getErrorCode() + ": token request refused",
				orgId, AtlasApiCall.ISSUE_TOKEN, null);
	}

	/**
	 * An answer above {@code atlas.max-answer-size}: not retried, the same query would
	 * answer the same; the detail says which setting to raise.
	 */
	private AtlasApiException tooLarge(String orgId, AtlasApiCall call, DataBufferLimitException ex) {
		AtlasApiException tooLarge = new AtlasApiException(200, AtlasApiException.ANSWER_TOO_LARGE,
				"the answer is larger than atlas.max-answer-size (" + megabytes(this.properties.maxAnswerSize())
						+ "); raise it, or split the query (fewer months or a narrower grouping)",
				orgId, call, null);
		tooLarge.initCause(ex);
		return tooLarge;
	}

	private static String megabytes(DataSize size) {
		return (size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) ? size.toMegabytes() + "MB" : size.toString();
	}

	/**
	 * No usable answer came: the connection was refused, reset or dropped, or a timeout
	 * passed, before or while the response was read.
	 */
	private static boolean isNetworkFailure(Throwable ex) {
		if (ex instanceof AtlasApiException) {
			return false;
		}
		if (ex instanceof WebClientRequestException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof IOException || cause instanceof TimeoutException
					|| cause instanceof io.netty.handler.timeout.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Spring Security reports any failed token response as {@code server_error}, losing
	 * the status: a wrong secret (401, final) would look like an outage (503, worth a
	 * retry). Error statuses become {@link AtlasApiException}s first to keep them apart.
	 */
	private static ExchangeFilterFunction tokenErrors() {
		JsonMapper mapper = AtlasJson.mapper();
		return (request,
				next) -> next.exchange(request)
					.flatMap(
							(response) -> response.statusCode().isError()
									? AtlasReply.read(response, mapper)
										.flatMap((reply) -> Mono
											.error(reply.toException(null, AtlasApiCall.ISSUE_TOKEN)))
									: Mono.just(response));
	}

}
