package com.atlascost.reports.atlas;

import java.util.List;

/** What one poll of a usage query answers. */
sealed interface UsagePoll {

	/** {@code 102 Processing}: poll again later. */
	record Processing() implements UsagePoll {
	}

	/** {@code 200}: the usage. */
	record Ready(List<UsageDetail> usageDetails) implements UsagePoll {

		public Ready {
			usageDetails = List.copyOf(usageDetails);
		}

	}

}
