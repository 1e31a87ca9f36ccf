package com.atlascost.reports.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import org.jspecify.annotations.Nullable;

/**
 * One usage row as stored, with the query it came from. Dimension fields the grouping
 * does not carry are {@code null}. {@code organizationId} is the row's own organization
 * (a paying organization's queries carry its linked organizations' rows too);
 * {@code organizationLabel} is the job file's label for it, or for a linked organization
 * its name as Atlas gives it (else its id).
 */
public record StoredUsage(long queryId, String organizationId, String organizationLabel, Grouping groupBy,
		MonthWindow window, @Nullable LocalDate usageDate, @Nullable String organizationName,
		@Nullable String projectId, @Nullable String projectName, @Nullable String clusterId,
		@Nullable String clusterName, @Nullable String service, BigDecimal amount, boolean provisional,
		@Nullable Instant fetchedAt) {
}
