package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import com.atlascost.reports.atlas.AtlasResponses.CreatedQuery;
import com.atlascost.reports.atlas.AtlasResponses.ProjectsPage;
import com.atlascost.reports.atlas.AtlasResponses.Usage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Atlas Cost Explorer calls, one method per call like the Atlas Go SDK. Every call
 * sends the configured API version, unwraps envelopes, turns Atlas error bodies into
 * {@link AtlasApiException} and retries rate limits and server errors a bounded number of
 * times; client errors (400, 401, 403, 404) are never retried.
 */
public class AtlasCostExplorerClient {

	private static final String USAGE_PATH = "/api/atlas/v2/orgs/{orgId}/billing/costExplorer/usage";

	private static final String PROJECTS_PATH = "/api/atlas/v2/orgs/{orgId}/groups";

	private final WebClient webClient;

	private final AtlasProperties properties;

	private final JsonMapper mapper = AtlasJson.mapper();

	private final AtlasMetrics metrics;

	public AtlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties) {
		this(connection, properties, AtlasMetrics.detached());
	}

	public AtlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties, AtlasMetrics metrics) {
		ClientHttpConnector connector = AtlasHttpConnector.create(properties.timeouts());
		this.webClient = WebClient.builder()
			.baseUrl(connection.baseUrl())
			.clientConnector(connector)
			.filter(AtlasAuthentication.filterFor(connection.credentials(), connection.baseUrl(), connector))
			.defaultHeader(HttpHeaders.ACCEPT, properties.mediaType())
			.build();
		this.properties = properties;
		this.metrics = metrics;
	}

	/** Starts a usage query; the token identifies it for {@link #pollUsage}. */
	public Mono<String> createUsageQuery(String orgId, UsageQuery query) {
		String body = this.mapper.writeValueAsString(query);
		Mono<AtlasReply> reply = this.webClient.post()
			.uri((uri) -> withEnvelope(uri.path(USAGE_PATH)).build(orgId))
			.contentType(MediaType.parseMediaType(this.properties.mediaType()))
			.bodyValue(body)
			.exchangeToMono(this::read);
		return call(reply, orgId, AtlasApiCall.CREATE_USAGE_QUERY, Set.of(200, 201, 202)).handle((ok, sink) -> {
			CreatedQuery created = this.mapper.treeToValue(ok.content(), CreatedQuery.class);
			if (created == null || created.token() == null) {
				sink.error(new AtlasApiException(ok.status(), "MISSING_TOKEN", "the answer carries no token", orgId,
						AtlasApiCall.CREATE_USAGE_QUERY, null));
				return;
			}
			sink.next(created.token());
		});
	}

	/** Asks once whether the query is done. */
	public Mono<UsagePoll> pollUsage(String orgId, String token) {
		Mono<AtlasReply> reply = this.webClient.get()
			.uri((uri) -> withEnvelope(uri.path(USAGE_PATH + "/{token}")).build(orgId, token))
			.exchangeToMono(this::read);
		return call(reply, orgId, AtlasApiCall.POLL_USAGE, Set.of(102, 200)).map(this::toPoll);
	}

	/**
	 * Polls until the usage is ready, waiting from the initial to the maximum interval
	 * between polls, and fails with {@link UsageQueryTimeoutException} after the
	 * deadline.
	 */
	public Mono<List<UsageDetail>> awaitUsage(String orgId, String token) {
		AtlasProperties.Polling polling = this.properties.polling();
		return pollUsage(orgId, token)
			.flatMap((poll) -> (poll instanceof UsagePoll.Ready ready) ? Mono.just(ready.usageDetails())
					: Mono.<List<UsageDetail>>empty())
			.repeatWhenEmpty((emptyPolls) -> emptyPolls.concatMap((index) -> Mono.delay(pollInterval(index, polling))))
			.timeout(polling.deadline(),
					Mono.error(() -> new UsageQueryTimeoutException(orgId, token, polling.deadline())));
	}

	/** Every project of the organization, reading page after page. */
	public Flux<AtlasProject> listProjects(String orgId) {
		int pageSize = this.properties.itemsPerPage();
		return projectsPage(orgId, 1)
			.expand((page) -> page.hasNext(pageSize) ? projectsPage(orgId, page.number() + 1) : Mono.empty())
			.concatMapIterable((page) -> page.projects().resultsOrEmpty());
	}

	private Mono<NumberedPage> projectsPage(String orgId, int pageNum) {
		Mono<AtlasReply> reply = this.webClient.get()
			.uri((uri) -> withEnvelope(uri.path(PROJECTS_PATH)).queryParam("pageNum", pageNum)
				.queryParam("itemsPerPage", this.properties.itemsPerPage())
				.build(orgId))
			.exchangeToMono(this::read);
		return call(reply, orgId, AtlasApiCall.LIST_PROJECTS, Set.of(200))
			.map((ok) -> new NumberedPage(pageNum, Objects.requireNonNullElse(
					this.mapper.treeToValue(ok.content(), ProjectsPage.class), new ProjectsPage(List.of(), 0))));
	}

	private UriBuilder withEnvelope(UriBuilder uri) {
		return this.properties.envelope() ? uri.queryParam("envelope", true) : uri;
	}

	private Mono<AtlasReply> read(ClientResponse response) {
		return AtlasReply.read(response, this.mapper);
	}

	/**
	 * Errors, and statuses the call never answers (a redirect, a 204), become
	 * {@link AtlasApiException}; transient ones are retried.
	 */
	private Mono<AtlasReply> call(Mono<AtlasReply> exchange, String orgId, AtlasApiCall call,
			Set<Integer> successStatuses) {
		return exchange.doOnNext((reply) -> this.metrics.answered(call, Integer.toString(reply.status())))
			.doOnError((ex) -> countFailedExchange(call, ex))
			.flatMap((reply) -> successStatuses.contains(reply.status()) ? Mono.just(reply)
					: Mono.error(reply.toException(orgId, call)))
			.onErrorMap(OAuth2AuthorizationException.class, (ex) -> tokenFailure(ex, orgId))
			.onErrorMap(AtlasApiException.class, (ex) -> ex.forOrg(orgId))
			.retryWhen(transientRetry(call));
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
			.filter(AtlasCostExplorerClient::isTransient)
			.doBeforeRetry((signal) -> this.metrics.retried(call))
			// Retry-After is a floor set by the server: wait it out before the backoff
			.doBeforeRetryAsync((signal) -> (signal.failure() instanceof AtlasApiException atlas)
					? atlas.retryAfter().map((delay) -> Mono.delay(delay).then()).orElse(Mono.empty()) : Mono.empty())
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
	 * Rate limits and server errors pass; so may a broken connection or a read timeout,
	 * but only for a GET: a POST may have reached Atlas.
	 */
	private static boolean isTransient(Throwable ex) {
		if (ex instanceof AtlasApiException atlas) {
			return atlas.isTransient();
		}
		return ex instanceof WebClientRequestException request && HttpMethod.GET.equals(request.getMethod());
	}

	private UsagePoll toPoll(AtlasReply reply) {
		if (reply.status() == 102) {
			return new UsagePoll.Processing();
		}
		Usage usage = this.mapper.treeToValue(reply.content(), Usage.class);
		return new UsagePoll.Ready((usage != null) ? usage.detailsOrEmpty() : List.of());
	}

	private static Duration pollInterval(long index, AtlasProperties.Polling polling) {
		long factor = 1L << Math.min(index, 20);
		Duration interval = polling.initialInterval().multipliedBy(factor);
		return (interval.compareTo(polling.maxInterval()) > 0) ? polling.maxInterval() : interval;
	}

	private record NumberedPage(int number, ProjectsPage projects) {

		boolean hasNext(int pageSize) {
			int read = (this.number - 1) * pageSize + this.projects.resultsOrEmpty().size();
			return !this.projects.resultsOrEmpty().isEmpty() && this.projects.totalCount() != null
					&& read < this.projects.totalCount();
		}

	}

}
