package com.atlascost.reports.report;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

/**
 * How a grouping's dimension reads off a usage row and is labelled on its sheet, in the
 * report's language.
 */
record GroupingDimension(Grouping grouping, ReportMessages messages) {

	String sheetName() {
		return this.messages.get("grouping." + this.grouping.apiName() + ".sheet");
	}

	String nameHeader() {
		return this.messages.get("grouping." + this.grouping.apiName() + ".name");
	}

	/** Services are named, not identified, so their sheet has no id column. */
	Optional<String> idHeader() {
		return (this.grouping == Grouping.SERVICES) ? Optional.empty()
				: Optional.of(this.messages.get("grouping." + this.grouping.apiName() + ".id"));
	}

	/**
	 * What a row without the dimension shows: an org-level charge on the projects sheet.
	 */
	String missingLabel() {
		return this.messages.get("grouping." + this.grouping.apiName() + ".missing");
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
