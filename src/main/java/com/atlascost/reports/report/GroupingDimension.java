package com.atlascost.reports.report;

import java.util.Optional;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;
import org.jspecify.annotations.Nullable;

/** How a grouping's dimension reads off a usage row and is labelled on its sheet. */
record GroupingDimension(Grouping grouping) {

	String sheetName() {
		return switch (this.grouping) {
			case ORGANIZATIONS -> "Organizations";
			case PROJECTS -> "Projects";
			case CLUSTERS -> "Clusters";
			case SERVICES -> "Services";
		};
	}

	String nameHeader() {
		return switch (this.grouping) {
			case ORGANIZATIONS -> "Organization name (API)";
			case PROJECTS -> "Project";
			case CLUSTERS -> "Cluster";
			case SERVICES -> "Service";
		};
	}

	/** Services are named, not identified, so their sheet has no id column. */
	Optional<String> idHeader() {
		return switch (this.grouping) {
			case ORGANIZATIONS -> Optional.of("Organization id");
			case PROJECTS -> Optional.of("Project id");
			case CLUSTERS -> Optional.of("Cluster id");
			case SERVICES -> Optional.empty();
		};
	}

	/**
	 * What a row without the dimension shows, e.g. an org-level charge on the projects
	 * sheet.
	 */
	String missingLabel() {
		return switch (this.grouping) {
			case ORGANIZATIONS -> "(no organization)";
			case PROJECTS -> "(no project)";
			case CLUSTERS -> "(no cluster)";
			case SERVICES -> "(no service)";
		};
	}

	@Nullable String idOf(StoredUsage row) {
		return switch (this.grouping) {
			case ORGANIZATIONS -> row.organizationId();
			case PROJECTS -> row.projectId();
			case CLUSTERS -> row.clusterId();
			case SERVICES -> null;
		};
	}

	@Nullable String nameOf(StoredUsage row) {
		return switch (this.grouping) {
			case ORGANIZATIONS -> row.organizationName();
			case PROJECTS -> row.projectName();
			case CLUSTERS -> row.clusterName();
			case SERVICES -> row.service();
		};
	}

}
