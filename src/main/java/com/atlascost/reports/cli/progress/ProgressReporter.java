package com.atlascost.reports.cli.progress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.atlas.AtlasMetrics;
import com.atlascost.reports.usage.FetchListener;

/**
 * Counts one fetch pass as it runs and hands a snapshot to its display at the display's
 * pace. Retries are the usage queries' retries as the client's meters count them, the
 * number the run summary's {@code Retries} shows: one process fetches once, so the meter
 * is read as it stands, not from where it stood when the pass began.
 */
class ProgressReporter implements FetchListener {

	private final ProgressDisplay display;

	private final AtlasMetrics metrics;

	private final AtomicInteger total = new AtomicInteger();

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile long startNanos = System.nanoTime();

	private volatile @Nullable Disposable ticker;

	ProgressReporter(ProgressDisplay display, AtlasMetrics metrics) {
		this.display = display;
		this.metrics = metrics;
	}

	@Override
	public void started(int toFetch, int alreadyDone) {
		this.total.set(toFetch);
		this.startNanos = System.nanoTime();
		if (toFetch > 0) {
			this.ticker = Flux.interval(this.display.interval(), Schedulers.parallel())
				.subscribe((tick) -> this.display.show(snapshot()));
		}
	}

	@Override
	public void queryStarted() {
		this.inFlight.incrementAndGet();
	}

	@Override
	public void queryFinished(boolean stored) {
		this.inFlight.decrementAndGet();
		(stored ? this.done : this.failed).incrementAndGet();
	}

	ProgressSnapshot snapshot() {
		return new ProgressSnapshot(this.total.get(), this.done.get(), this.failed.get(), this.inFlight.get(),
				this.metrics.usageQueryRetries(), Duration.ofNanos(System.nanoTime() - this.startNanos));
	}

	@Override
	public void close() {
		Disposable running = this.ticker;
		if (running != null) {
			running.dispose();
			this.display.finish(snapshot());
		}
	}

}
