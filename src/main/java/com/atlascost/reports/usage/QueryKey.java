package com.atlascost.reports.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.atlascost.reports.atlas.UsageQuery;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;

/**
 * What makes two stored queries the same query: organization, grouping, month window, the
 * filters (sorted, without repeats) and partial matches. Spelled out field by field
 * rather than taken from the wire record's JSON, so that renaming or adding a field of
 * {@link UsageQuery} does not re-identify every stored query. The database keeps the
 * {@link #hash()} of the {@link #canonical()} text ({@code cost_query.filter_hash}, since
 * migration V5).
 *
 * @param organizationId the organization
 * @param grouping the grouping
 * @param window the month window
 * @param projects the project filter
 * @param clusters the cluster filter
 * @param services the service filter
 * @param includePartialMatches whether partial matches are included
 * @param linkedOrganizations the linked organizations the query covers besides its own
 * (the rest of its {@code organizations} filter)
 */
public record QueryKey(String organizationId, Grouping grouping, MonthWindow window, List<String> projects,
		List<String> clusters, List<String> services, boolean includePartialMatches, List<String> linkedOrganizations) {

	public QueryKey {
		projects = canonical(projects);
		clusters = canonical(clusters);
		services = canonical(services);
		linkedOrganizations = canonical(linkedOrganizations);
	}

	/** The key of a query of its organization alone. */
	public QueryKey(String organizationId, Grouping grouping, MonthWindow window, List<String> projects,
			List<String> clusters, List<String> services, boolean includePartialMatches) {
		this(organizationId, grouping, window, projects, clusters, services, includePartialMatches, List.of());
	}

	/** The key of a query of {@code grouping} over {@code window} with this filter. */
	public static QueryKey of(Grouping grouping, MonthWindow window, UsageQuery filter) {
		List<String> organizations = filter.organizations();
		return new QueryKey(organizations.get(0), grouping, window, filter.projects(), filter.clusters(),
				filter.services(), filter.includePartialMatches(), organizations.subList(1, organizations.size()));
	}

	/**
	 * One line of text, the same for the same query forever:
	 * {@code org=...;grouping=PROJECTS;window=2026-03-01/2026-04-01;projects=a,b;clusters=;services=Clusters;partialMatches=false},
	 * followed by {@code ;linked=c,d} for a query that covers linked organizations (a
	 * query of one organization keeps the identity it had before linked ones were asked).
	 */
	public String canonical() {
		return "org=" + this.organizationId + ";grouping=" + this.grouping.name() + ";window=" + this.window.start()
				+ "/" + this.window.end() + ";projects=" + String.join(",", this.projects) + ";clusters="
				+ String.join(",", this.clusters) + ";services=" + String.join(",", this.services) + ";partialMatches="
				+ this.includePartialMatches
				+ (this.linkedOrganizations.isEmpty() ? "" : ";linked=" + String.join(",", this.linkedOrganizations));
	}

	/** SHA-256 of {@link #canonical()}, in hex: what the database's unique key holds. */
	public String hash() {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	private static List<String> canonical(List<String> values) {
		return values.stream().sorted().distinct().toList();
	}

}
