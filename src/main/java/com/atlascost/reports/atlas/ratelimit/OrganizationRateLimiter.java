package com.atlascost.reports.atlas.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

import com.atlascost.reports.atlas.AtlasProperties;

/**
 * Keeps each organization's billing calls (Cost Explorer creates and polls, invoices:
 * they share Atlas's bucket) within the organization's limit, one
 * {@link OrganizationPace} per organization, so that no organization waits on another's
 * bucket. Other clients of the organization (the Atlas CLI, Terraform, a second job) draw
 * from the same bucket, so a 429 slows the organization down ({@link #rateLimited}) and
 * answers let it speed up again ({@link #answered}). A call waits for its turn without
 * blocking a thread, in the order it asked. The filter sits innermost, after
 * authentication, so a token request does not count against the bucket and every retry
 * takes a turn of its own.
 */
public final class OrganizationRateLimiter implements ExchangeFilterFunction {

	private static final Logger logger = LoggerFactory.getLogger(OrganizationRateLimiter.class);

	private static final Pattern BUCKET_PATH = Pattern.compile("/api/atlas/v2/orgs/([^/]+)/(billing|invoices)(/|$)");

	private static final Pattern POLL_PATH = Pattern.compile("/billing/costExplorer/usage/[^/]+$");

	private final AtlasProperties.RateLimit limit;

	private final Map<String, OrganizationPace> paces = new ConcurrentHashMap<>();

	public OrganizationRateLimiter(AtlasProperties.RateLimit limit) {
		this.limit = limit;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String orgId = bucketOrg(request.url().getRawPath());
		if (!this.limit.enabled() || orgId == null) {
			return next.exchange(request);
		}
		boolean poll = request.method() == HttpMethod.GET && POLL_PATH.matcher(request.url().getRawPath()).find();
		return pace(orgId).turn(poll).then(Mono.defer(() -> next.exchange(request)));
	}

	/**
	 * The pace the organization's calls are given now, requests per second: the published
	 * rate until a 429 slowed it down.
	 */
	public double currentRate(String orgId) {
		OrganizationPace pace = this.paces.get(orgId);
		return (pace != null) ? pace.rate() : this.limit.ratePerSecond();
	}

	/** Whether calls to this path draw from an organization's bucket. */
	static boolean inBucket(String path) {
		return bucketOrg(path) != null;
	}

	/** A 429 from the organization's bucket. */
	public void rateLimited(String orgId, @Nullable Duration retryAfter) {
		if (this.limit.enabled() && this.limit.adaptive()) {
			pace(orgId).rateLimited(retryAfter);
		}
		else if (this.limit.enabled()) {
			pace(orgId).count429();
		}
	}

	/**
	 * The organization's bucket holds {@code capacity} requests, as Atlas said
	 * ({@code RateLimit-Limit}): a smaller one than configured takes the burst down to
	 * it.
	 */
	public void bucketSize(String orgId, int capacity) {
		if (this.limit.enabled() && capacity > 0 && capacity < this.limit.capacity()
				&& pace(orgId).bucketSize(capacity)) {
			logger.info("Rate limit of org {}: Atlas says its bucket holds {} requests (RateLimit-Limit), not the {}"
					+ " configured; pacing to it", orgId, capacity, this.limit.capacity());
		}
	}

	/** The capacity of the organization's bucket as its pace knows it. */
	public int capacity(String orgId) {
		OrganizationPace pace = this.paces.get(orgId);
		return (pace != null) ? pace.capacity() : this.limit.capacity();
	}

	/** Any other answer from the organization's bucket. */
	public void answered(String orgId) {
		if (this.limit.enabled() && this.limit.adaptive()) {
			OrganizationPace pace = this.paces.get(orgId);
			if (pace != null) {
				pace.answered();
			}
		}
	}

	/** The organizations that met a 429, with the pace they were given. */
	public Map<String, OrganizationSlowdown> slowedOrganizations() {
		Map<String, OrganizationSlowdown> slowed = new TreeMap<>();
		this.paces.forEach((orgId, pace) -> {
			OrganizationSlowdown report = pace.report();
			if (report.rateLimited() > 0) {
				slowed.put(orgId, report);
			}
		});
		return slowed;
	}

	private OrganizationPace pace(String orgId) {
		return this.paces.computeIfAbsent(orgId, (id) -> new OrganizationPace(this.limit));
	}

	private static @Nullable String bucketOrg(String path) {
		Matcher matcher = BUCKET_PATH.matcher(path);
		return matcher.find() ? matcher.group(1) : null;
	}

}
