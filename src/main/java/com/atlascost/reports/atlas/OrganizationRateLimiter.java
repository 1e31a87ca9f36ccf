package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

/**
 * Keeps each organization's billing calls (Cost Explorer creates and polls, invoices:
 * they share Atlas's bucket) within the organization's limit, one
 * {@link OrganizationPace} per organization, so that no organization waits on another's
 * bucket.
 * <p>
 * The pace starts at the published limit. Every other client of the organization (the
 * Atlas CLI, Terraform, a second job) draws from the same bucket, so the bucket we see
 * can be smaller: a 429 then slows that organization down ({@link #rateLimited}), and
 * answers let it speed up again ({@link #answered}). A call waits for its turn without
 * blocking a thread, in the order it asked. The filter sits innermost in the chain, after
 * authentication, so the time an OAuth token takes does not count against the bucket, and
 * every retry takes a turn of its own.
 */
final class OrganizationRateLimiter implements ExchangeFilterFunction {

	private static final Pattern BUCKET_PATH = Pattern.compile("/api/atlas/v2/orgs/([^/]+)/(billing|invoices)(/|$)");

	private final AtlasProperties.RateLimit limit;

	private final Map<String, OrganizationPace> paces = new ConcurrentHashMap<>();

	OrganizationRateLimiter(AtlasProperties.RateLimit limit) {
		this.limit = limit;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String orgId = bucketOrg(request.url().getRawPath());
		if (!this.limit.enabled() || orgId == null) {
			return next.exchange(request);
		}
		return pace(orgId).turn().then(Mono.defer(() -> next.exchange(request)));
	}

	/** Whether calls to this path draw from an organization's bucket. */
	static boolean inBucket(String path) {
		return bucketOrg(path) != null;
	}

	/** A 429 from the organization's bucket. */
	void rateLimited(String orgId, @Nullable Duration retryAfter) {
		if (this.limit.enabled() && this.limit.adaptive()) {
			pace(orgId).rateLimited(retryAfter);
		}
		else if (this.limit.enabled()) {
			pace(orgId).count429();
		}
	}

	/** Any other answer from the organization's bucket. */
	void answered(String orgId) {
		if (this.limit.enabled() && this.limit.adaptive()) {
			OrganizationPace pace = this.paces.get(orgId);
			if (pace != null) {
				pace.answered();
			}
		}
	}

	/** The organizations that met a 429, with the pace they were given. */
	Map<String, OrganizationSlowdown> slowedOrganizations() {
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
