package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.usage.StoredUsage;

/**
 * A grouping's rows summed into one line per (organization, dimension value), biggest
 * spend first. Rows are added one at a time, so only the sums are held, never the rows.
 */
final class GroupingTable {

	private final GroupingDimension dimension;

	private final Map<LineKey, LineSums> sums = new LinkedHashMap<>();

	private long rowCount;

	GroupingTable(GroupingDimension dimension) {
		this.dimension = dimension;
	}

	static List<GroupingLine> lines(GroupingDimension dimension, List<StoredUsage> rows,
			List<ReportOrganization> organizations) {
		GroupingTable table = new GroupingTable(dimension);
		rows.forEach(table::add);
		return table.lines(organizations);
	}

	void add(StoredUsage row) {
		this.sums.computeIfAbsent(LineKey.of(this.dimension, row), (k) -> new LineSums()).add(this.dimension, row);
		this.rowCount++;
	}

	long rowCount() {
		return this.rowCount;
	}

	List<GroupingLine> lines(List<ReportOrganization> organizations) {
		Map<String, ReportOrganization> organizationsById = new HashMap<>();
		organizations.forEach((organization) -> organizationsById.put(organization.id(), organization));
		List<GroupingLine> lines = new ArrayList<>();
		this.sums.forEach((key,
				line) -> lines.add(new GroupingLine(
						Objects.requireNonNull(organizationsById.get(key.organizationId()),
								"organizations come from the rows"),
						key.dimensionId(), line.displayName(this.dimension), line.amounts)));
		lines.sort(Comparator.comparing(GroupingLine::total, Comparator.reverseOrder())
			.thenComparing((line) -> line.organization().label(), Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(GroupingLine::dimensionName)
			.thenComparing(GroupingLine::dimensionId, Comparator.nullsFirst(Comparator.naturalOrder())));
		return lines;
	}

	/**
	 * Lines are keyed by id where the dimension has one, so a project renamed mid-range
	 * stays one line; by name where it has none (services, or a row that lost its id).
	 */
	private record LineKey(String organizationId, @Nullable String dimensionId, @Nullable String nameWithoutId) {

		static LineKey of(GroupingDimension dimension, StoredUsage row) {
			String id = dimension.idOf(row);
			return new LineKey(row.organizationId(), id, (id != null) ? null : dimension.nameOf(row));
		}

	}

	private static final class LineSums {

		private final Map<YearMonth, BigDecimal> amounts = new HashMap<>();

		private @Nullable YearMonth latestNamedMonth;

		private @Nullable String latestName;

		void add(GroupingDimension dimension, StoredUsage row) {
			YearMonth month = ReportMonths.monthOf(row);
			this.amounts.merge(month, row.amount(), BigDecimal::add);
			String name = dimension.nameOf(row);
			// The name a thing has now is the one finance recognises.
			if (name != null && (this.latestNamedMonth == null || !month.isBefore(this.latestNamedMonth))) {
				this.latestNamedMonth = month;
				this.latestName = name;
			}
		}

		String displayName(GroupingDimension dimension) {
			return Objects.requireNonNullElse(this.latestName, dimension.missingLabel());
		}

	}

}
