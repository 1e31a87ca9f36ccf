package com.atlascost.reports.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settlementDays days after a month ends before its amounts are taken as final; a
 * month fetched earlier is provisional
 * @param concurrency how many queries are fetched at once
 */
@ConfigurationProperties("usage")
public record UsageProperties(@DefaultValue("5") int settlementDays, @DefaultValue("4") int concurrency) {
}
