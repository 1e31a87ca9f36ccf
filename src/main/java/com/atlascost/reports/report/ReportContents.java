package com.atlascost.reports.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

/**
 * A request read once into what both files show: the groupings in sheet order, the
 * months, the organizations and the rows in report order.
 *
 * @param request the request as given
 * @param groupings the job's groupings in its order, then any grouping only the rows
 * carry (so no row is missing from a grouping sheet)
 * @param months the months shown and the provisional ones
 * @param organizations every organization any row belongs to, by label then id
 * @param rows every row, by grouping, organization, month, then as given
 */
record ReportContents(ReportRequest request, List<Grouping> groupings, ReportMonths months,
		List<ReportOrganization> organizations, List<StoredUsage> rows) {

	static ReportContents of(ReportRequest request) {
		if (request.groupings() == null || request.groupings().isEmpty()) {
			throw new IllegalArgumentException(
					"a report needs at least one grouping: its summary is built from the first");
		}
		ReportMonths months = ReportMonths.of(request);
		Set<Grouping> groupings = new LinkedHashSet<>(request.groupings());
		request.rows().stream().map(StoredUsage::groupBy).sorted().forEach(groupings::add);
		List<Grouping> sheetOrder = List.copyOf(groupings);

		Map<String, ReportOrganization> organizations = new LinkedHashMap<>();
		for (StoredUsage row : request.rows()) {
			organizations.putIfAbsent(row.organizationId(),
					new ReportOrganization(row.organizationId(), row.organizationLabel()));
		}
		List<ReportOrganization> byLabel = organizations.values()
			.stream()
			.sorted(Comparator.comparing(ReportOrganization::label, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ReportOrganization::id))
			.toList();

		List<StoredUsage> rows = new ArrayList<>(request.rows());
		rows.sort(Comparator.<StoredUsage>comparingInt((row) -> sheetOrder.indexOf(row.groupBy()))
			.thenComparing((row) -> byLabel.indexOf(organizations.get(row.organizationId())))
			.thenComparing(ReportMonths::monthOf));
		return new ReportContents(request, sheetOrder, months, byLabel, List.copyOf(rows));
	}

	/** The grouping the summary sheet totals. */
	Grouping summaryGrouping() {
		return this.groupings.get(0);
	}

	List<StoredUsage> rowsOf(Grouping grouping) {
		return this.rows.stream().filter((row) -> row.groupBy() == grouping).toList();
	}

}
