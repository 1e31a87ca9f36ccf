package com.atlascost.reports.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settlementDays days after a month ends before its amounts are taken as final; a
 * month fetched earlier is provisional
 * @param concurrency how many queries are fetched at once, all organizations together
 * @param concurrencyPerOrg how many queries of one organization are fetched at once
 * @param maxRecreates how often a query whose token Atlas no longer knows (404 on poll)
 * is created again before it fails
 */
@ConfigurationProperties("usage")
public record UsageProperties(@DefaultValue("5") int settlementDays, @DefaultValue("150") int concurrency,
		@DefaultValue("50") int concurrencyPerOrg, @DefaultValue("2") int maxRecreates) {

	public UsageProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("usage.concurrency=" + concurrency + ": must be at least 1");
		}
		if (concurrencyPerOrg < 1) {
			throw new IllegalArgumentException(
					"usage.concurrency-per-org=" + concurrencyPerOrg + ": must be at least 1");
		}
		if (maxRecreates < 0) {
			throw new IllegalArgumentException("usage.max-recreates=" + maxRecreates + ": must be 0 or more");
		}
		if (settlementDays < 0) {
			throw new IllegalArgumentException("usage.settlement-days=" + settlementDays + ": must be 0 or more");
		}
	}

}
