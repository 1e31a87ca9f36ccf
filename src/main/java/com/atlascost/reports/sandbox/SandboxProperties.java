package com.atlascost.reports.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox started by {@code --sandbox}, for demos: every behaviour tests
 * set through {@link SandboxSettings} can be set here too.
 *
 * @param processingDelay how long each usage query answers 102 (the shortest, when
 * {@code processingDelayMax} is longer)
 * @param processingDelayMax the longest a query runs; each draws from the range
 * @param auth how the client authenticates against the sandbox
 * @param queryTokenLifetime how long a usage query's token is known; unset for ever
 * @param namedUsageRows whether usage rows carry project and cluster names
 * @param rateLimit the per-organization bucket of creates and polls
 * @param faults failures injected at random
 * @param forgottenTokens how many of the first usage query tokens are forgotten at their
 * second poll, as if Atlas had lost them mid-poll
 * @param injectedFailures statuses the first API calls answer, in order (for fault demos
 * and tests)
 * @param sharedBucket another client sharing the organizations' buckets
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("300ms") Duration processingDelay, @Nullable Duration processingDelayMax,
		@DefaultValue("service-account") Auth auth, @Nullable Duration queryTokenLifetime,
		@DefaultValue("true") boolean namedUsageRows, @DefaultValue RateLimit rateLimit, @DefaultValue Faults faults,
		@DefaultValue("0") int forgottenTokens, @DefaultValue List<Integer> injectedFailures,
		@DefaultValue SharedBucket sharedBucket) {

	public enum Auth {

		/** OAuth 2.0 client credentials, as Atlas recommends. */
		SERVICE_ACCOUNT,

		/** An API key pair over HTTP Digest. */
		DIGEST

	}

	/**
	 * @param enabled whether the sandbox limits at all
	 * @param capacity requests one organization's bucket holds
	 * @param refill requests added per period
	 * @param period the refill period
	 * @param retryAfter whether a 429 carries {@code Retry-After}
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("500") int capacity,
			@DefaultValue("100") int refill, @DefaultValue("60s") Duration period,
			@DefaultValue("true") boolean retryAfter) {
	}

	/**
	 * Probabilities per API call, from 0 to 1, adding up to at most 1.
	 *
	 * @param serverError a 500
	 * @param unavailable a 503
	 * @param droppedConnection the connection closed without an answer
	 * @param truncatedBody the answer's JSON cut in half
	 * @param slowAnswer the answer delayed by {@code slowDelay}
	 * @param slowDelay how long a slow answer waits
	 * @param seed seeds the draws, for repeatable runs
	 * @param organizations the organization ids faults hit; empty for all
	 * @param answer a broken usage answer ({@code missing-details},
	 * {@code renamed-details}, {@code empty-body}, {@code unparseable-amount},
	 * {@code unparseable-date}, {@code foreign-rows}, {@code outside-window},
	 * {@code sub-cent-amounts}, {@code long-names})
	 * @param extraRows rows of 0.001 added to every usage answer (a huge answer)
	 * @param paddingBytes an unknown field this long added to every usage answer
	 * @param dripInterval every JSON answer sent one byte per this interval (a dripping
	 * server)
	 * @param endlessPaging listings whose {@code totalCount} never ends
	 * @param retryAfter the {@code Retry-After} of injected 429s
	 */
	public record Faults(@DefaultValue("0") double serverError, @DefaultValue("0") double unavailable,
			@DefaultValue("0") double droppedConnection, @DefaultValue("0") double truncatedBody,
			@DefaultValue("0") double slowAnswer, @DefaultValue("2s") Duration slowDelay, @DefaultValue("42") long seed,
			@DefaultValue Set<String> organizations, @DefaultValue("none") SandboxSettings.AnswerFault answer,
			@DefaultValue("0") int extraRows, @DefaultValue("0") int paddingBytes, @Nullable Duration dripInterval,
			@DefaultValue("false") boolean endlessPaging, @DefaultValue("1s") Duration retryAfter) {
	}

	/**
	 * Another client (the Atlas CLI, Terraform, a second job) drawing from the same
	 * buckets, so that the bucket the job sees is smaller than the client's.
	 *
	 * @param otherClientRate requests per second it takes from each shared bucket
	 * @param organizations the organizations whose bucket it shares; empty for all
	 */
	public record SharedBucket(@DefaultValue("0") double otherClientRate, @DefaultValue Set<String> organizations) {
	}

	SandboxSettings settings() {
		SandboxSettings.RateLimit limit = new SandboxSettings.RateLimit(this.rateLimit.enabled(),
				this.rateLimit.capacity(), this.rateLimit.refill(), this.rateLimit.period(),
				this.rateLimit.retryAfter(), this.sharedBucket.otherClientRate(), this.sharedBucket.organizations());
		SandboxSettings.Faults injected = new SandboxSettings.Faults(this.faults.serverError(),
				this.faults.unavailable(), this.faults.droppedConnection(), this.faults.truncatedBody(),
				this.faults.slowAnswer(), this.faults.slowDelay(), this.faults.seed(), this.faults.organizations());
		return SandboxSettings.defaults()
			.withProcessingDelay(this.processingDelay,
					(this.processingDelayMax != null) ? this.processingDelayMax : this.processingDelay)
			.withQueryTokenLifetime(this.queryTokenLifetime)
			.withNamedUsageRows(this.namedUsageRows)
			.withRateLimit(limit)
			.withFaults(injected)
			.withHostile(new SandboxSettings.Hostile(this.faults.answer(), this.faults.extraRows(),
					this.faults.paddingBytes(), this.faults.dripInterval(), this.faults.endlessPaging(),
					this.faults.retryAfter().toSeconds(), this.faults.organizations()))
			.withForgottenTokens(this.forgottenTokens)
			.withInjectedFailures(this.injectedFailures.toArray(Integer[]::new));
	}

}
