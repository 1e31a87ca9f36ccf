package com.atlascost.reports.invoice;

import java.time.YearMonth;
import java.util.Comparator;

/** One organization's month. */
public record OrgMonth(String orgId, YearMonth month) implements Comparable<OrgMonth> {

	private static final Comparator<OrgMonth> ORDER = Comparator.comparing(OrgMonth::orgId)
		.thenComparing(OrgMonth::month);

	@Override
	public int compareTo(OrgMonth other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return this.orgId + " " + this.month;
	}

}
