package com.atlascost.reports.usage;

import java.util.ArrayDeque;
import java.util.Queue;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A non-blocking semaphore that grants permits first come, first served: the total bound
 * on queries in flight. Each organization queues at most its own share of waiters (its
 * {@code flatMap} bound), so a permit freed by one goes to whoever waited longest and no
 * organization starves another. Hand-written because Reactor has no asynchronous
 * semaphore and Resilience4j's reactive bulkhead rejects rather than waits; a lock guards
 * a queue, nothing more.
 */
final class FairPermits {

	private final Queue<MonoSink<Void>> waiting = new ArrayDeque<>();

	private int available;

	FairPermits(int permits) {
		this.available = permits;
	}

	/** Runs {@code work} holding one permit, released however the work ends. */
	<T> Mono<T> withPermit(Mono<T> work) {
		return Mono.usingWhen(acquire().thenReturn(this), (permits) -> work, (permits) -> release());
	}

	private Mono<Void> acquire() {
		return Mono.create((sink) -> {
			synchronized (this) {
				if (this.available > 0) {
					this.available--;
				}
				else {
					this.waiting.add(sink);
					sink.onCancel(() -> {
						synchronized (this) {
							this.waiting.remove(sink);
						}
					});
					return;
				}
			}
			sink.success();
		});
	}

	private Mono<Void> release() {
		return Mono.fromRunnable(() -> {
			MonoSink<Void> next;
			synchronized (this) {
				next = this.waiting.poll();
				if (next == null) {
					this.available++;
					return;
				}
			}
			next.success();
		});
	}

}
