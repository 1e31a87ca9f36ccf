package com.atlascost.reports.plan;

import java.util.List;

/**
 * The tag keys a job reports cost by (job file {@code tags}): a list
 * ({@code [team, env]}), {@code all} for every key the invoice line items carry, or none.
 *
 * @param all every key found
 * @param keys the keys listed, in the job file's order
 */
public record TagKeys(boolean all, List<String> keys) {

	public TagKeys {
		keys = List.copyOf(keys);
	}

	public static TagKeys none() {
		return new TagKeys(false, List.of());
	}

	public static TagKeys allKeys() {
		return new TagKeys(true, List.of());
	}

	public static TagKeys of(List<String> keys) {
		return new TagKeys(false, keys);
	}

	public boolean isEmpty() {
		return !this.all && this.keys.isEmpty();
	}

}
