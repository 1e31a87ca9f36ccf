package com.atlascost.reports.atlas;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import com.atlascost.reports.atlas.AtlasResponses.CreatedQuery;
import com.atlascost.reports.atlas.auth.AtlasAuthentication;
import com.atlascost.reports.atlas.AtlasResponses.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Atlas Cost Explorer calls, one method per call like the Atlas Go SDK. Every call
 * sends the configured API version, unwraps envelopes, turns Atlas error bodies into
 * {@link AtlasApiException} and keeps each organization within its rate limit
 * ({@link OrganizationRateLimiter}).
 * <p>
 * Versions are per operation ({@link AtlasApiVersions}); a 406 or 410 fails the call at
 * once, naming the operation, the version and the property to change.
 * <p>
 * Rate limits: a 429 slows the organization down and the call waits for its next turn
 * ({@link OrganizationPace}), up to {@code atlas.rate-limit.max-rate-limited-attempts}
 * times, apart from the retries of real failures.
 * <p>
 * Retries: server errors, network failures (refused or reset connections, timeouts) and
 * success answers whose body cannot be read are retried with exponential backoff and
 * jitter, a bounded number of times. A create is retried after a network failure too: the
 * query it may have started is lost to us, and starting it again costs Atlas one query,
 * never a wrong total. 400, 403 and 404 are never retried; a 401 with a service account
 * drops the bearer token and tries once more with a new one.
 */
public class AtlasCostExplorerClient {

	private static final Logger logger = LoggerFactory.getLogger(AtlasCostExplorerClient.class);

	private static final String USAGE_PATH = "/api/atlas/v2/orgs/{orgId}/billing/costExplorer/usage";

	private static final String PROJECTS_PATH = "/api/atlas/v2/orgs/{orgId}/groups";

	private static final String CLUSTERS_PATH = "/api/atlas/v2/groups/{groupId}/clusters";

	private static final String FLEX_CLUSTERS_PATH = "/api/atlas/v2/groups/{groupId}/flexClusters";

	private static final String INVOICES_PATH = "/api/atlas/v2/orgs/{orgId}/invoices";

	private final WebClient webClient;

	private final AtlasProperties properties;

	private final @Nullable Mono<Void> forgetToken;

	private final JsonMapper mapper = AtlasJson.mapper();

	private final AtlasMetrics metrics;

	private final AtlasApiVersions versions;

	private final OrganizationRateLimiter limiter;

	public AtlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties) {
		this(connection, properties, AtlasMetrics.detached());
	}

	public AtlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties, AtlasMetrics metrics) {
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
		this.forgetToken = authenticator.forgetToken();
		this.properties = properties;
		this.metrics = metrics;
		metrics.watchSlowdowns(this.limiter::slowedOrganizations);
	}

	/** Starts a usage query; the token identifies it for {@link #pollUsage}. */
	public Mono<String> createUsageQuery(String orgId, UsageQuery query) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, AtlasApiCall.CREATE_USAGE_QUERY, "orgId", orgId);
		if (refused != null) {
			return refused.then(Mono.empty());
		}
		String body = this.mapper.writeValueAsString(query);
		Mono<AtlasReply> reply = Mono.defer(() -> this.webClient.post()
			.uri((uri) -> withEnvelope(uri.path(USAGE_PATH)).build(orgId))
			.header(HttpHeaders.ACCEPT, this.versions.mediaType(AtlasApiCall.CREATE_USAGE_QUERY))
			.contentType(MediaType.parseMediaType(this.versions.mediaType(AtlasApiCall.CREATE_USAGE_QUERY)))
			.bodyValue(body)
			.exchangeToMono(this::read));
		// the specification answers a create with 202 only
		return call(reply, orgId, AtlasApiCall.CREATE_USAGE_QUERY, Set.of(202)).handle((ok, sink) -> {
			CreatedQuery created = this.mapper.treeToValue(ok.content(), CreatedQuery.class);
			if (created == null || created.token() == null) {
				sink.error(new AtlasApiException(ok.status(), "MISSING_TOKEN", "the answer carries no token", orgId,
						AtlasApiCall.CREATE_USAGE_QUERY, null));
				return;
			}
			if (!AtlasIdFormat.TOKEN.matcher(created.token()).matches()) {
				sink.error(new AtlasApiException(ok.status(), AtlasApiException.UNEXPECTED_ANSWER,
						"token: " + AtlasIdFormat.shown(created.token()) + " is not a query token (64 hex digits)",
						orgId, AtlasApiCall.CREATE_USAGE_QUERY, null));
				return;
			}
			sink.next(created.token());
		});
	}

	/** Asks once whether the query is done. */
	public Mono<UsagePoll> pollUsage(String orgId, String token) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, AtlasApiCall.POLL_USAGE, "orgId", orgId, "token", token);
		if (refused != null) {
			return refused.then(Mono.empty());
		}
		Mono<AtlasReply> reply = Mono.defer(() -> this.webClient.get()
			.uri((uri) -> withEnvelope(uri.path(USAGE_PATH + "/{token}")).build(orgId, token))
			.header(HttpHeaders.ACCEPT, this.versions.mediaType(AtlasApiCall.POLL_USAGE))
			.exchangeToMono(this::read));
		return call(reply, orgId, AtlasApiCall.POLL_USAGE, Set.of(102, 200)).map((ok) -> toPoll(ok, orgId));
	}

	/**
	 * Polls until the usage is ready: at once, then after the initial interval growing by
	 * the multiplier up to the maximum interval; fails with
	 * {@link UsageQueryTimeoutException} after the deadline.
	 */
	public Mono<List<UsageDetail>> awaitUsage(String orgId, String token) {
		return awaitUsage(orgId, token, this.properties.polling().deadline());
	}

	/**
	 * Polls as {@link #awaitUsage(String, String)} does, failing after {@code deadline}:
	 * what is left of the query's deadline after its create.
	 */
	public Mono<List<UsageDetail>> awaitUsage(String orgId, String token, Duration deadline) {
		return withDeadline(pollUntilReady(orgId, token, 0), orgId, token, deadline);
	}

	/**
	 * Polls a query this client has just created: as {@link #awaitUsage}, but the first
	 * poll waits the initial interval. No query is done the moment it was created, so a
	 * poll at once only spends a request of the organization's bucket (one call in six of
	 * a query taking a few seconds); the later polls come when they would have.
	 */
	public Mono<List<UsageDetail>> awaitCreatedUsage(String orgId, String token, Duration deadline) {
		Mono<List<UsageDetail>> polls = Mono.delay(pollInterval(0, this.properties.polling()))
			.then(pollUntilReady(orgId, token, 1));
		return withDeadline(polls, orgId, token, deadline);
	}

	/** Polls at once, then after the intervals from the {@code firstInterval}th on. */
	private Mono<List<UsageDetail>> pollUntilReady(String orgId, String token, long firstInterval) {
		AtlasProperties.Polling polling = this.properties.polling();
		return pollUsage(orgId, token)
			.flatMap((poll) -> (poll instanceof UsagePoll.Ready ready) ? Mono.just(ready.usageDetails())
					: Mono.<List<UsageDetail>>empty())
			.repeatWhenEmpty((emptyPolls) -> emptyPolls
				.concatMap((index) -> Mono.delay(pollInterval(index + firstInterval, polling))));
	}

	private Mono<List<UsageDetail>> withDeadline(Mono<List<UsageDetail>> polls, String orgId, String token,
			Duration deadline) {
		Duration configured = this.properties.polling().deadline();
		return polls.timeout(deadline, Mono.error(() -> new UsageQueryTimeoutException(orgId, token, configured)));
	}

	/** Every project of the organization, reading page after page. */
	public Flux<AtlasProject> listProjects(String orgId) {
		return listAll((uri) -> uri.path(PROJECTS_PATH), orgId, orgId, AtlasApiCall.LIST_PROJECTS, AtlasProject.class);
	}

	/**
	 * Every dedicated cluster of a project of the organization, reading page after page:
	 * Flex clusters are listed by {@link #listFlexClusters} only.
	 */
	public Flux<AtlasCluster> listClusters(String orgId, String projectId) {
		return listAll((uri) -> uri.path(CLUSTERS_PATH), projectId, orgId, AtlasApiCall.LIST_CLUSTERS,
				AtlasCluster.class);
	}

	/** Every Flex cluster of a project of the organization, reading page after page. */
	public Flux<AtlasCluster> listFlexClusters(String orgId, String projectId) {
		return listAll((uri) -> uri.path(FLEX_CLUSTERS_PATH), projectId, orgId, AtlasApiCall.LIST_FLEX_CLUSTERS,
				AtlasCluster.class);
	}

	/**
	 * The organizations whose bucket looked smaller than published (they met 429s), with
	 * the pace they were slowed to, by organization id.
	 */
	public Map<String, OrganizationSlowdown> slowedOrganizations() {
		return this.limiter.slowedOrganizations();
	}

	/**
	 * How long a usage query may take from its create to its answer
	 * ({@code atlas.polling.deadline}).
	 */
	public Duration queryDeadline() {
		return this.properties.polling().deadline();
	}

	/** The version each operation sends. */
	public AtlasApiVersions versions() {
		return this.versions;
	}

	/**
	 * The invoices of the organization whose billing periods fall between the two dates
	 * (inclusive, as Atlas filters them), page after page, without line items; those of
	 * linked organizations included.
	 */
	public Flux<AtlasInvoice> listInvoices(String orgId, LocalDate fromDate, LocalDate toDate) {
		return listAll((uri) -> uri.path(INVOICES_PATH)
			.queryParam("fromDate", fromDate)
			.queryParam("toDate", toDate)
			.queryParam("sortBy", "START_DATE")
			.queryParam("orderBy", "asc"), orgId, orgId, AtlasApiCall.LIST_INVOICES, AtlasInvoice.class);
	}

	/** One invoice with its line items and linked invoices. */
	public Mono<AtlasInvoice> getInvoice(String orgId, String invoiceId) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, AtlasApiCall.GET_INVOICE, "orgId", orgId, "invoiceId",
				invoiceId);
		if (refused != null) {
			return refused.then(Mono.empty());
		}
		Mono<AtlasReply> reply = Mono.defer(() -> this.webClient.get()
			.uri((uri) -> withEnvelope(uri.path(INVOICES_PATH + "/{invoiceId}")).build(orgId, invoiceId))
			.header(HttpHeaders.ACCEPT, this.versions.mediaType(AtlasApiCall.GET_INVOICE))
			.exchangeToMono(this::read));
		return call(reply, orgId, AtlasApiCall.GET_INVOICE, Set.of(200)).handle((ok, sink) -> {
			AtlasInvoice invoice = this.mapper.treeToValue(ok.content(), AtlasInvoice.class);
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
		Mono<Void> refused = AtlasIdFormat.check(orgId, AtlasApiCall.LIST_PENDING_INVOICES, "orgId", orgId);
		if (refused != null) {
			return refused.thenMany(Flux.empty());
		}
		Mono<AtlasReply> reply = Mono.defer(() -> this.webClient.get()
			.uri((uri) -> withEnvelope(uri.path(INVOICES_PATH + "/pending")).build(orgId))
			.header(HttpHeaders.ACCEPT, this.versions.mediaType(AtlasApiCall.LIST_PENDING_INVOICES))
			.exchangeToMono(this::read));
		return call(reply, orgId, AtlasApiCall.LIST_PENDING_INVOICES, Set.of(200))
			.flatMapIterable((ok) -> Objects
				.requireNonNullElse(this.mapper.treeToValue(ok.content(), Page.class), new Page(List.of(), 0))
				.resultsOrEmpty())
			.map((item) -> this.mapper.treeToValue(item, AtlasInvoice.class));
	}

	/** Every item of a list, page after page, with the version of {@code call}. */
	private <T> Flux<T> listAll(Function<UriBuilder, UriBuilder> path, String pathId, String orgId, AtlasApiCall call,
			Class<T> type) {
		Mono<Void> refused = AtlasIdFormat.check(orgId, call, "orgId", orgId,
				pathId.equals(orgId) ? "orgId" : "groupId", pathId);
		if (refused != null) {
			return refused.thenMany(Flux.empty());
		}
		int pageSize = this.properties.itemsPerPage();
		return page(path, pathId, orgId, call, 1).flatMapMany((first) -> {
			// the first page's count bounds the pages: a list that keeps growing (one
			// more
			// item on every page) cannot keep the client paging for ever
			int maxPages = maxPages(first.content().totalCount(), pageSize);
			return Mono.just(first).expand((page) -> {
				if (!page.hasNext(pageSize)) {
					return Mono.empty();
				}
				if (page.number() >= maxPages) {
					return Mono.error(new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER,
							"totalCount: the list did not end within " + maxPages + " pages of " + pageSize
									+ " (totalCount " + first.content().totalCount() + " on the first page, "
									+ page.content().totalCount() + " on page " + page.number() + ")",
							orgId, call, null));
				}
				return page(path, pathId, orgId, call, page.number() + 1);
			});
		})
			.concatMapIterable((page) -> page.content().resultsOrEmpty())
			.map((item) -> this.mapper.treeToValue(item, type));
	}

	/** {@code totalCount / itemsPerPage + 1}: every page a list of that count has. */
	static int maxPages(@Nullable Integer totalCount, int pageSize) {
		return (totalCount == null || totalCount < 0) ? 1 : totalCount / pageSize + 1;
	}

	private Mono<NumberedPage> page(Function<UriBuilder, UriBuilder> path, String pathId, String orgId,
			AtlasApiCall call, int pageNum) {
		Function<UriBuilder, URI> uri = (builder) -> withEnvelope(path.apply(builder)).queryParam("pageNum", pageNum)
			.queryParam("itemsPerPage", this.properties.itemsPerPage())
			.build(pathId);
		Mono<AtlasReply> reply = Mono.defer(() -> this.webClient.get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT, this.versions.mediaType(call))
			.exchangeToMono(this::read));
		return call(reply, orgId, call, Set.of(200)).map((ok) -> new NumberedPage(pageNum,
				Objects.requireNonNullElse(this.mapper.treeToValue(ok.content(), Page.class), new Page(List.of(), 0))));
	}

	private UriBuilder withEnvelope(UriBuilder uri) {
		return this.properties.envelope() ? uri.queryParam("envelope", true) : uri;
	}

	private Mono<AtlasReply> read(ClientResponse response) {
		return AtlasReply.read(response, this.mapper);
	}

	/**
	 * Errors, statuses the call never answers (a redirect, a 204), unreadable bodies and
	 * network failures become {@link AtlasApiException}; transient ones are retried.
	 */
	private Mono<AtlasReply> call(Mono<AtlasReply> exchange, String orgId, AtlasApiCall call,
			Set<Integer> successStatuses) {
		Duration deadline = this.properties.timeouts().exchange();
		Mono<AtlasReply> attempt = exchange
			// a whole exchange, token request and body included, not only the wait for
			// headers: a server dripping its answer must not hold a call for hours
			.timeout(deadline, Mono.error(
					() -> new TimeoutException("no complete answer within atlas.timeouts.exchange (" + deadline + ")")))
			.doOnNext((reply) -> this.metrics.answered(call, Integer.toString(reply.status())))
			.doOnError((ex) -> countFailedExchange(call, ex))
			.onErrorMap(OAuth2AuthorizationException.class, (ex) -> tokenFailure(ex, orgId))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(orgId, call, ex))
			.onErrorMap(AtlasCostExplorerClient::isNetworkFailure, (ex) -> AtlasApiException.noAnswer(orgId, call, ex))
			.doOnNext((reply) -> pace(orgId, call, reply))
			.flatMap((reply) -> {
				if (reply.status() == 406 || reply.status() == 410) {
					return Mono.error(versionRefused(reply.toException(orgId, call)));
				}
				// a 2xx cut short: an envelope's status is inside the body it cut
				if (reply.unparseable() && (successStatuses.contains(reply.status()) || reply.status() == 200)) {
					return Mono.error(new AtlasApiException(reply.status(), AtlasApiException.UNPARSEABLE_BODY,
							"the answer is not the JSON expected (cut short?)", orgId, call, null));
				}
				if (!successStatuses.contains(reply.status())) {
					return Mono.error(reply.toException(orgId, call));
				}
				return Mono.just(reply);
			})
			.onErrorMap(AtlasApiException.class, (ex) -> ex.forOrg(orgId));
		// a 429 is a request to slow down, not a failure: it has its own budget
		Mono<AtlasReply> retried = attempt.retryWhen(rateLimitedRetry(call)).retryWhen(transientRetry(call));
		return (this.forgetToken != null) ? retried.retryWhen(newTokenOnce(this.forgetToken)) : retried;
	}

	/** Tells the organization's pace how its bucket answered. */
	private void pace(String orgId, AtlasApiCall call, AtlasReply reply) {
		if (!call.billingBucket()) {
			return;
		}
		if (reply.status() == 429) {
			Duration retryAfter = reply.retryAfter();
			this.limiter.rateLimited(orgId, (retryAfter != null) ? capped(retryAfter, orgId, call) : null);
		}
		else {
			this.limiter.answered(orgId);
		}
	}

	/**
	 * A 406 (a version the operation does not have) or 410 (a version past its sunset):
	 * no retry can help, the configuration must change, so the message says which.
	 */
	private AtlasApiException versionRefused(AtlasApiException refused) {
		AtlasApiCall call = refused.call();
		String version = this.versions.version(call);
		String why = (refused.status() == 410) ? "which is past its sunset date" : "which the operation does not have";
		String detail = call.operationId() + " was sent API version " + version + ", " + why + ": set "
				+ AtlasApiVersions.property(call) + " to a version the operation has"
				+ ((refused.detail() != null) ? " (Atlas: " + refused.detail() + ")" : "");
		return new AtlasApiException(refused.status(), refused.errorCode(), detail, refused.orgId(), call, null);
	}

	/**
	 * 429s: for calls in an organization's bucket the adaptive pace (see
	 * {@link OrganizationPace}) decides when the call goes again, so the call simply asks
	 * for its next turn; other calls back off, after {@code Retry-After} when sent.
	 */
	private Retry rateLimitedRetry(AtlasApiCall call) {
		AtlasProperties.RateLimit limit = this.properties.rateLimit();
		long retries = Math.max(0, limit.maxRateLimitedAttempts() - 1);
		if (call.billingBucket() && limit.enabled() && limit.adaptive()) {
			return Retry.max(retries)
				.filter(AtlasCostExplorerClient::isRateLimited)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		}
		AtlasProperties.Retry retry = this.properties.retry();
		return Retry.backoff(retries, retry.minBackoff())
			.maxBackoff(retry.maxBackoff())
			.jitter(0.5)
			.filter(AtlasCostExplorerClient::isRateLimited)
			.doBeforeRetryAsync((signal) -> (signal.failure() instanceof AtlasApiException atlas) ? atlas.retryAfter()
				.map((delay) -> Mono.delay(capped(delay, atlas.orgId(), atlas.call())).then())
				.orElse(Mono.empty()) : Mono.empty())
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * A {@code Retry-After} within {@code atlas.retry.max-retry-after}: a server asking
	 * for a day is waited the cap, with a warning, so it cannot stall the run.
	 */
	private Duration capped(Duration retryAfter, @Nullable String orgId, AtlasApiCall call) {
		Duration cap = this.properties.retry().maxRetryAfter();
		if (retryAfter.compareTo(cap) <= 0) {
			return retryAfter;
		}
		logger.warn("{} for org {} was asked to wait {}s (Retry-After); waiting {}s, atlas.retry.max-retry-after", call,
				orgId, retryAfter.toSeconds(), cap.toSeconds());
		return cap;
	}

	private static boolean isRateLimited(Throwable ex) {
		return ex instanceof AtlasApiException atlas && atlas.status() == 429;
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

	private RetryBackoffSpec transientRetry(AtlasApiCall call) {
		AtlasProperties.Retry retry = this.properties.retry();
		return Retry.backoff(Math.max(0, retry.maxAttempts() - 1), retry.minBackoff())
			.maxBackoff(retry.maxBackoff())
			.jitter(0.5)
			.filter((ex) -> ex instanceof AtlasApiException atlas && atlas.isTransient() && !isRateLimited(ex))
			.doBeforeRetry((signal) -> {
				this.metrics.retried(call);
				logger.debug("Retrying after {}", signal.failure().getMessage());
			})
			// Retry-After is a floor set by the server: wait it out before the backoff
			.doBeforeRetryAsync((signal) -> (signal.failure() instanceof AtlasApiException atlas) ? atlas.retryAfter()
				.map((delay) -> Mono.delay(capped(delay, atlas.orgId(), atlas.call())).then())
				.orElse(Mono.empty()) : Mono.empty())
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * A 401 on an API call with a bearer token that was still in date for us: Atlas no
	 * longer accepts it, so fetch a new one, once. Digest has no such cure.
	 */
	private static Retry newTokenOnce(Mono<Void> forget) {
		return Retry.max(1)
			.filter((ex) -> ex instanceof AtlasApiException atlas && atlas.status() == 401
					&& atlas.call() != AtlasApiCall.ISSUE_TOKEN)
			.doBeforeRetryAsync((signal) -> forget)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	/**
	 * The token endpoint answered 2xx but not with a usable token (its error statuses
	 * become {@link AtlasApiException} before Spring Security sees them, see
	 * {@link ServiceAccountAuthentication}).
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

	private UsagePoll toPoll(AtlasReply reply, String orgId) {
		if (reply.status() == 102) {
			return new UsagePoll.Processing();
		}
		return new UsagePoll.Ready(UsageAnswer.read(reply.content(), orgId));
	}

	static Duration pollInterval(long index, AtlasProperties.Polling polling) {
		double factor = Math.pow(polling.multiplier(), Math.min(index, 60));
		double nanos = polling.initialInterval().toNanos() * factor;
		return (nanos >= polling.maxInterval().toNanos()) ? polling.maxInterval() : Duration.ofNanos((long) nanos);
	}

	private record NumberedPage(int number, Page content) {

		boolean hasNext(int pageSize) {
			int read = (this.number - 1) * pageSize + this.content.resultsOrEmpty().size();
			return !this.content.resultsOrEmpty().isEmpty() && this.content.totalCount() != null
					&& read < this.content.totalCount();
		}

	}

	/**
	 * Spring Security reports any failed token response as {@code server_error}, losing
	 * the status: a wrong secret (401, final) would look like an outage (503, worth a
	 * retry). Turning error statuses into {@link AtlasApiException} first keeps the
	 * difference.
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
