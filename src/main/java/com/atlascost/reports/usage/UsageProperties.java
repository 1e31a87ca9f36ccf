package com.atlascost.reports.usage;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param settlementDays days after a month ends before its amounts are taken as final; a
 * month fetched earlier is provisional
 * @param concurrency how many queries are fetched at once, all organizations together: a
 * query in flight costs a pending poll and little memory, so this is high enough for a
 * fleet of organizations (each with a bucket of its own) to keep one machine busy
 * @param concurrencyPerOrg how many queries of one organization are fetched at once: 100
 * queries of a few polls each fit the published bucket of 500 requests, so an
 * organization's queries usually go in one wave
 * @param maxRecreates how many times in a row a query whose token Atlas no longer knows
 * (404 on poll) is created again while no other query of the fetch is answered: the bound
 * when nothing progresses; while queries keep being answered, a lost query is created
 * again until {@code recreateDeadline}
 * @param recreateDeadline how long after the fetch began a query whose token was lost may
 * still be created again
 */
@ConfigurationProperties("usage")
@Validated
public record UsageProperties(@DefaultValue("5") @Min(value = 0, message = "must be 0 or more") int settlementDays,
		@DefaultValue("1000") @Min(value = 1, message = "must be at least 1") int concurrency,
		@DefaultValue("100") @Min(value = 1, message = "must be at least 1") int concurrencyPerOrg,
		@DefaultValue("2") @Min(value = 0, message = "must be 0 or more") int maxRecreates,
		@DefaultValue("30m") Duration recreateDeadline) {

	public UsageProperties {
		if (recreateDeadline.isNegative()) {
			throw new IllegalArgumentException("usage.recreate-deadline must be 0 or more, not " + recreateDeadline);
		}
	}

}
