package com.atlascost.reports.sandbox;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The exchanges of the sandbox, in order, the first {@value #CAPACITY} of them. */
final class SandboxJournal {

	static final int CAPACITY = 50_000;

	private final Queue<SandboxExchange> exchanges = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	void record(SandboxExchange exchange) {
		if (this.size.incrementAndGet() <= CAPACITY) {
			this.exchanges.add(exchange);
		}
	}

	List<SandboxExchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

}
