package com.atlascost.reports.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How the sandbox behaves.
 *
 * @param processingDelay how long a usage query "runs": polls answer 102 until it passed
 * @param defaultItemsPerPage page size of lists when the caller sends none (Atlas: 100)
 * @param tokenLifetime lifetime of issued OAuth tokens ({@code expires_in})
 * @param nonceLifetime how long a Digest nonce is accepted before it is reported stale
 * @param injectedFailures statuses the first API calls answer, in order, before the
 * sandbox behaves (429 comes with {@code Retry-After: 1}); for retry tests
 * @param clock today's date decides which month is open (only the data uses it; lifetimes
 * and delays run on real time)
 */
public record SandboxSettings(Duration processingDelay, int defaultItemsPerPage, Duration tokenLifetime,
		Duration nonceLifetime, List<Integer> injectedFailures, Clock clock) {

	public SandboxSettings {
		injectedFailures = List.copyOf(injectedFailures);
	}

	public static SandboxSettings defaults() {
		return new SandboxSettings(Duration.ofMillis(300), 100, Duration.ofHours(1), Duration.ofMinutes(5), List.of(),
				Clock.systemUTC());
	}

	public SandboxSettings withProcessingDelay(Duration delay) {
		return new SandboxSettings(delay, this.defaultItemsPerPage, this.tokenLifetime, this.nonceLifetime,
				this.injectedFailures, this.clock);
	}

	public SandboxSettings withInjectedFailures(Integer... statuses) {
		return new SandboxSettings(this.processingDelay, this.defaultItemsPerPage, this.tokenLifetime,
				this.nonceLifetime, List.of(statuses), this.clock);
	}

	public SandboxSettings withTokenLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.defaultItemsPerPage, lifetime, this.nonceLifetime,
				this.injectedFailures, this.clock);
	}

	public SandboxSettings withNonceLifetime(Duration lifetime) {
		return new SandboxSettings(this.processingDelay, this.defaultItemsPerPage, this.tokenLifetime, lifetime,
				this.injectedFailures, this.clock);
	}

	public SandboxSettings withClock(Clock clock) {
		return new SandboxSettings(this.processingDelay, this.defaultItemsPerPage, this.tokenLifetime,
				this.nonceLifetime, this.injectedFailures, clock);
	}

}
