package com.atlascost.reports.usage;

/**
 * Gives each fetch pass a listener of its own. The fetch step takes it without knowing
 * what displays the progress (the command line does).
 */
@FunctionalInterface
public interface FetchListeners {

	/** A listener for one pass; close it when the pass ends. */
	FetchListener open();

}
