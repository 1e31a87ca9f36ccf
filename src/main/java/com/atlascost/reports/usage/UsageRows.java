package com.atlascost.reports.usage;

import java.util.List;
import java.util.function.Consumer;

/**
 * Usage rows that can be read more than once, one at a time. A report of a million rows
 * cannot hold them all in memory: it reads them once to sum them up and again to write
 * each line, and the store answers every pass with a fresh database cursor.
 */
@FunctionalInterface
public interface UsageRows {

	/** Hands every row to {@code action}, always in the same order. */
	void forEach(Consumer<? super StoredUsage> action);

	/** Rows already in memory, in the list's order. */
	static UsageRows of(List<StoredUsage> rows) {
		List<StoredUsage> copy = List.copyOf(rows);
		return copy::forEach;
	}

}
