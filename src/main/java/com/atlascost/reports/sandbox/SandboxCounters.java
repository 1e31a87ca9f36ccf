package com.atlascost.reports.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sandbox was asked and answered, for tests. Statuses are Atlas statuses: a 102
 * inside an envelope counts as a 102.
 */
public class SandboxCounters {

	private final AtomicLong tokenRequests = new AtomicLong();

	private final AtomicLong creates = new AtomicLong();

	private final AtomicLong polls = new AtomicLong();

	private final AtomicLong projectListings = new AtomicLong();

	private final Map<Integer, AtomicLong> responses = new ConcurrentHashMap<>();

	public long tokenRequests() {
		return this.tokenRequests.get();
	}

	public long creates() {
		return this.creates.get();
	}

	public long polls() {
		return this.polls.get();
	}

	public long projectListings() {
		return this.projectListings.get();
	}

	public long responses(int status) {
		AtomicLong count = this.responses.get(status);
		return (count != null) ? count.get() : 0;
	}

	/** Every status answered so far with its count, for assertion messages. */
	public Map<Integer, Long> responsesByStatus() {
		Map<Integer, Long> copy = new TreeMap<>();
		this.responses.forEach((status, count) -> copy.put(status, count.get()));
		return copy;
	}

	void tokenRequested() {
		this.tokenRequests.incrementAndGet();
	}

	void created() {
		this.creates.incrementAndGet();
	}

	void polled() {
		this.polls.incrementAndGet();
	}

	void projectsListed() {
		this.projectListings.incrementAndGet();
	}

	void answered(int status) {
		this.responses.computeIfAbsent(status, (key) -> new AtomicLong()).incrementAndGet();
	}

	@Override
	public String toString() {
		return "SandboxCounters[tokenRequests=" + tokenRequests() + ", creates=" + creates() + ", polls=" + polls()
				+ ", projectListings=" + projectListings() + ", responses=" + responsesByStatus() + "]";
	}

}
