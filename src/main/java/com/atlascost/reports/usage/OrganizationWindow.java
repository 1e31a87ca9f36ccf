package com.atlascost.reports.usage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * How many queries of one organization may be open at once (created and not yet
 * answered), as a congestion window: the organization's bucket has to poll every open
 * query before Atlas forgets its token. One query probes first; once its create is
 * answered the window opens to what the bucket's burst can serve at three requests a
 * query (its capacity as configured, or as Atlas said in {@code RateLimit-Limit}), at
 * most {@code usage.concurrency-per-org}. A lost token halves it, and from then on it
 * never exceeds what the organization's pace can poll within the token lifetime learned,
 * and grows by one per window of answers. A window is never below one query: an
 * organization slows down, it does not stop.
 */
final class OrganizationWindow {

	private static final double REQUESTS_PER_QUERY = 3;

	private final int most;

	private final DoubleSupplier rate;

	private final IntSupplier capacity;

	private final TokenLifetime lifetime;

	private final Queue<MonoSink<Void>> waiting = new ArrayDeque<>();

	private double limit = 1;

	private boolean probing = true;

	private int open;

	private int lowest = Integer.MAX_VALUE;

	/**
	 * @param most the most queries of the organization open at once
	 * @param rate the organization's pace now, requests per second
	 * @param capacity the organization's bucket capacity as the pace knows it
	 * @param lifetime the token lifetime learned, shared by the fetch
	 */
	OrganizationWindow(int most, DoubleSupplier rate, IntSupplier capacity, TokenLifetime lifetime) {
		this.most = most;
		this.rate = rate;
		this.capacity = capacity;
		this.lifetime = lifetime;
	}

	/**
	 * Runs {@code work} (a create and its polls) as one open query, once the window has
	 * room for it; a query created again asks anew, behind those already waiting.
	 */
	<T> Mono<T> withSlot(Mono<T> work) {
		return Mono.usingWhen(acquire().thenReturn(this), (window) -> work, (window) -> release());
	}

	/** A create of the organization was answered: the first one ends the probe. */
	void created() {
		synchronized (this) {
			if (!this.probing) {
				return;
			}
			this.probing = false;
			this.limit = Math.max(this.limit, bound());
		}
		admit();
	}

	/** A query of the organization was answered. */
	void answered() {
		synchronized (this) {
			this.limit = (this.lifetime.estimate() == null) ? Math.min(bound(), this.limit + 1)
					: Math.min(bound(), this.limit + 1 / this.limit);
			this.limit = Math.max(1, this.limit);
		}
		admit();
	}

	/** A query of the organization lost its token. */
	synchronized void lost() {
		this.limit = Math.max(1, Math.min(this.limit / 2, bound()));
		this.lowest = Math.min(this.lowest, (int) this.limit);
	}

	/** The most queries open at once now. */
	synchronized int limit() {
		return (int) this.limit;
	}

	/** The smallest window a lost token left the organization. */
	synchronized int lowest() {
		return Math.min(this.lowest, (int) this.limit);
	}

	/**
	 * What the bucket's burst serves, and once a token lifetime is known, what the pace
	 * polls within it.
	 */
	private double bound() {
		double burst = Math.max(1, Math.min(this.most, this.capacity.getAsInt() / REQUESTS_PER_QUERY));
		Duration lifetime = this.lifetime.estimate();
		if (lifetime == null) {
			return burst;
		}
		// rounded up: one query more than the refill alone polls in time keeps the bucket
		// busy while the others process, and the burst absorbs the difference
		double pollable = Math.ceil(this.rate.getAsDouble() * lifetime.toNanos() / 1e9 / REQUESTS_PER_QUERY);
		return Math.max(1, Math.min(burst, pollable));
	}

	private Mono<Void> acquire() {
		return Mono.create((sink) -> {
			synchronized (this) {
				if (this.open < (int) this.limit && this.waiting.isEmpty()) {
					this.open++;
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
			synchronized (this) {
				this.open--;
			}
			admit();
		});
	}

	/** Lets waiting queries in while the window has room, in the order they came. */
	private void admit() {
		List<MonoSink<Void>> admitted = new ArrayList<>();
		synchronized (this) {
			while (this.open < (int) this.limit && !this.waiting.isEmpty()) {
				this.open++;
				admitted.add(this.waiting.poll());
			}
		}
		admitted.forEach(MonoSink::success);
	}

}
