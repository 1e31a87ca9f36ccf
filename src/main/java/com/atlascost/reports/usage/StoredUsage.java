package com.atlascost.reports.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/**
 * One usage row as stored, with the query it came from. Dimension fields the grouping
 * does not carry are {@code null}. {@code organizationLabel} is the job file's label for
 * the org.
 */
public record StoredUsage(long queryId, String organizationId, String organizationLabel, Grouping groupBy,
		MonthWindow window, LocalDate usageDate, String organizationName, String projectId, String projectName,
		String clusterId, String clusterName, String service, BigDecimal amount, boolean provisional,
		Instant fetchedAt) {
}
