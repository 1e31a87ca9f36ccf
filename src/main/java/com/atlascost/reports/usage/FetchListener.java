package com.atlascost.reports.usage;

/**
 * Follows one fetch pass as it happens, for progress displays, and is closed when it
 * ends. Called from Reactor threads: implementations must be thread-safe and never block.
 */
public interface FetchListener extends AutoCloseable {

	/** Listens to nothing. */
	FetchListener NONE = new FetchListener() {
	};

	/**
	 * @param toFetch queries this pass will fetch
	 * @param alreadyDone queries of the run that were DONE before it started
	 */
	default void started(int toFetch, int alreadyDone) {
	}

	default void queryStarted() {
	}

	/**
	 * @param done whether the query is DONE (else FAILED)
	 */
	default void queryFinished(boolean done) {
	}

	/** The pass ended. */
	@Override
	default void close() {
	}

}
