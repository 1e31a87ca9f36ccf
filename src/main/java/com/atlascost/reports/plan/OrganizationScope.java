package com.atlascost.reports.plan;

/** One organization of a job file, with its filters. */
public record OrganizationScope(String id, String label, IdSelection projects, IdSelection clusters,
		IdSelection services) {
}
