package com.atlascost.reports.notify;

import java.time.Duration;
import java.util.function.Function;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Bounded tries with a doubling pause, as {@code delivery.attempts} and
 * {@code delivery.retry-delay} say.
 */
final class Retries {

	private Retries() {
	}

	/**
	 * Runs {@code send} until it succeeds or {@code attempts} tries failed; then throws
	 * {@link SendFailedException} with {@code describe} of the last failure.
	 */
	static void run(Runnable send, int attempts, Duration delay, Function<Throwable, String> describe) {
		try {
			Mono.fromRunnable(send)
				.retryWhen(Retry.backoff(attempts - 1, delay)
					.maxBackoff(delay.multipliedBy(8))
					.jitter(0)
					// retries run on the pause's thread, and a send blocks
					.scheduler(Schedulers.boundedElastic()))
				.block();
		}
		catch (RuntimeException ex) {
			Throwable last = Exceptions.isRetryExhausted(ex) && ex.getCause() != null ? ex.getCause()
					: Exceptions.unwrap(ex);
			throw new SendFailedException(describe.apply(last) + " (" + attempts + " tries)");
		}
	}

}
