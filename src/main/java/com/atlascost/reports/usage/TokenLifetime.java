package com.atlascost.reports.usage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How long Atlas keeps a usage query's token, learned during one fetch: Atlas does not
 * publish it. A token lost at some age (404 on a poll) says tokens may live no longer; a
 * query answered at a greater age says that loss was bad luck and tokens live at least
 * that long. Unknown until the first loss.
 */
final class TokenLifetime {

	private @Nullable Duration estimate;

	synchronized void lost(Duration age) {
		if (this.estimate == null || age.compareTo(this.estimate) < 0) {
			this.estimate = age;
		}
	}

	synchronized void answered(Duration age) {
		if (this.estimate != null && age.compareTo(this.estimate) > 0) {
			this.estimate = age;
		}
	}

	synchronized @Nullable Duration estimate() {
		return this.estimate;
	}

}
