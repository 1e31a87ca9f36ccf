package com.atlascost.reports.plan;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A monthly budget in US dollars from the job file: of a whole organization, or of one of
 * its projects.
 *
 * @param organizationId the organization
 * @param projectId the project, or {@code null} for the organization as a whole
 * @param monthly the budget of every month
 */
public record Budget(String organizationId, @Nullable String projectId, BigDecimal monthly) {
}
