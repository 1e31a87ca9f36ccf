package com.atlascost.reports.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's organizations and their bills: a pure function of organization, project,
 * cluster, service and month, so tests can compute what the server must answer. The open
 * month is billed pro rata up to today (per the clock), later months are empty. Tests can
 * add a charge to a settled month after the fact (late charges).
 */
public class SandboxData {

	public static final String ACME_PRODUCTION = "5f0c2a3b4d5e6f7081920a1b";

	public static final String ACME_ANALYTICS = "5f0c2a3b4d5e6f7081920b2c";

	public static final String ACME_SANDBOX = "5f0c2a3b4d5e6f7081920c3d";

	/** An organization whose API name a spreadsheet would run as a formula. */
	public static final String FORMULA_NAMED = "5f0c2a3b4d5e6f7081920e5f";

	/** An organization with Japanese names, for reports in both languages. */
	public static final String ACME_JAPAN = "5f0c2a3b4d5e6f7081920f6a";

	/**
	 * The first digits of a fleet organization's id (see {@link #fleetOrganizationId}).
	 */
	static final String FLEET_PREFIX = "f1ee7";

	private static final String FLEET_PROJECT_PREFIX = "6af1e";

	/**
	 * Cross-organization billing: linked organization → the organization that pays for
	 * it. The paying organization's invoices list the linked one's, and its Cost Explorer
	 * may name the linked one in {@code organizations}.
	 */
	static final Map<String, String> PAYERS = Map.of(ACME_SANDBOX, ACME_PRODUCTION);

	private static final Pattern FLEET_ID = Pattern.compile(FLEET_PREFIX.concat("[0-9a-f]{19}"));

	private static final List<Organization> ORGANIZATIONS = List.of(
			new Organization(
					ACME_PRODUCTION, "Acme Production", List.of(
							new Project("6a1b2c3d4e5f60718293a4b1", "storefront",
									List.of(new Cluster("7b1c2d3e4f5a60718293b4c1", "storefront-main"),
											new Cluster("7b1c2d3e4f5a60718293b4c2", "storefront-search"))),
							new Project("6a1b2c3d4e5f60718293a4b2", "payments",
									List.of(new Cluster("7b1c2d3e4f5a60718293b4c3", "payments-ledger"))),
							new Project("6a1b2c3d4e5f60718293a4b3", "internal-tools", List.of()))),
			new Organization(ACME_ANALYTICS, "Acme Analytics", List.of(
					new Project("6a1b2c3d4e5f60718293a4c1", "warehouse",
							List.of(new Cluster("7b1c2d3e4f5a60718293b4d1", "warehouse-hot"),
									new Cluster("7b1c2d3e4f5a60718293b4d2", "warehouse-archive"))),
					new Project("6a1b2c3d4e5f60718293a4c2", "dashboards",
							List.of(new Cluster("7b1c2d3e4f5a60718293b4d3", "dashboards-cache"))))),
			new Organization(ACME_SANDBOX, "Acme Sandbox Org", List.of(
					new Project("6a1b2c3d4e5f60718293a4d1", "playground",
							List.of(new Cluster("7b1c2d3e4f5a60718293b4e1", "playground-m0"),
									new Cluster("7b1c2d3e4f5a60718293b4e3", "playground-flex", true))),
					new Project("6a1b2c3d4e5f60718293a4d2", "experiments",
							List.of(new Cluster("7b1c2d3e4f5a60718293b4e2", "experiments-m10"),
									new Cluster("7b1c2d3e4f5a60718293b4e4", "experiments-flex-a", true),
									new Cluster("7b1c2d3e4f5a60718293b4e5", "experiments-flex-b", true))))),
			new Organization(
					FORMULA_NAMED, "=HYPERLINK(\"http://x\",\"y\")", List.of(
							new Project("6a1b2c3d4e5f60718293a4e1", "+cmd|' /C calc'!A0",
									List.of(new Cluster("7b1c2d3e4f5a60718293b4f1", "@SUM(1+1)"))))),
			new Organization(ACME_JAPAN, "アクメ株式会社",
					List.of(new Project("6a1b2c3d4e5f60718293a4f1", "決済基盤",
							List.of(new Cluster("7b1c2d3e4f5a60718293b501", "本番クラスター"))),
							new Project("6a1b2c3d4e5f60718293a4f2", "分析", List.of()))));

	private final Clock clock;

	/**
	 * Charges posted after their month settled ({@link SandboxInvoices#postLateCharge}).
	 */
	private final Map<String, List<LineItem>> lateCharges = new ConcurrentHashMap<>();

	public SandboxData(Clock clock) {
		this.clock = clock;
	}

	public List<Organization> organizations() {
		return ORGANIZATIONS;
	}

	public Optional<Organization> organization(String orgId) {
		Optional<Organization> named = ORGANIZATIONS.stream().filter((org) -> org.id().equals(orgId)).findFirst();
		return named.isPresent() ? named : fleetOrganization(orgId);
	}

	/** The organization a project ({@code groupId}) belongs to, fleet ones included. */
	Optional<Organization> organizationOfProject(@Nullable String groupId) {
		if (groupId == null) {
			return Optional.empty();
		}
		Optional<Organization> named = ORGANIZATIONS.stream()
			.filter((org) -> org.projects().stream().anyMatch((project) -> project.id().equals(groupId)))
			.findFirst();
		if (named.isPresent() || !groupId.startsWith(FLEET_PROJECT_PREFIX)) {
			return named;
		}
		return fleetOrganization(FLEET_PREFIX + groupId.substring(FLEET_PROJECT_PREFIX.length()));
	}

	/**
	 * Whether the Cost Explorer of {@code pathOrgId} may name {@code orgId}: itself, or
	 * an organization it pays for.
	 */
	boolean visibleTo(String orgId, String pathOrgId) {
		return orgId.equals(pathOrgId) || pathOrgId.equals(PAYERS.get(orgId));
	}

	/** A project of any organization, fleet ones included. */
	public Optional<Project> project(@Nullable String groupId) {
		return organizationOfProject(groupId)
			.flatMap((org) -> org.projects().stream().filter((project) -> project.id().equals(groupId)).findFirst());
	}

	/**
	 * The id of the {@code index}th organization of a fleet: fleet organizations (ids
	 * {@value #FLEET_PREFIX} followed by 19 hex digits) exist without being listed, each
	 * with one project and one cluster, so that a job of a thousand organizations can run
	 * against the sandbox ({@code FleetBenchmark}).
	 */
	public static String fleetOrganizationId(int index) {
		return FLEET_PREFIX + String.format("%019x", index);
	}

	private static Optional<Organization> fleetOrganization(String orgId) {
		if (!FLEET_ID.matcher(orgId).matches()) {
			return Optional.empty();
		}
		String serial = orgId.substring(FLEET_PREFIX.length());
		// project and cluster ids: the organization's serial behind a prefix of their own
		Project project = new Project(FLEET_PROJECT_PREFIX + serial, "fleet-app",
				List.of(new Cluster("7bf1e" + serial, "fleet-app-main")));
		return Optional.of(new Organization(orgId, "Fleet " + serial.replaceFirst("^0+(?=.)", ""), List.of(project)));
	}

	/**
	 * Every charge of one organization in one month, before any filtering or grouping.
	 */
	public List<LineItem> lineItems(String orgId, YearMonth month) {
		Organization org = organization(orgId).orElseThrow(() -> new IllegalArgumentException("unknown org " + orgId));
		BigDecimal share = shareOfMonthBilled(month);
		if (share.signum() == 0) {
			return List.of();
		}
		List<LineItem> items = new ArrayList<>();
		items.add(item(org, null, null, "Support", month, share, 300, 1000));
		items.add(item(org, null, null, "Credits", month, share, 50, 400).negated());
		for (Project project : org.projects()) {
			items.add(item(org, project, null, "Data Transfer", month, share, 10, 500));
			items.add(item(org, project, null, "Backup", month, share, 10, 200));
			for (Cluster cluster : project.clusters()) {
				if (cluster.flex()) {
					// a Flex cluster's storage is in its price
					items.add(item(org, project, cluster, "Clusters", month, share, 8, 30));
				}
				else {
					items.add(item(org, project, cluster, "Clusters", month, share, 500, 3000));
					items.add(item(org, project, cluster, "Storage", month, share, 20, 300));
				}
			}
		}
		items.addAll(this.lateCharges.getOrDefault(orgId + '|' + month, List.of()));
		return List.copyOf(items);
	}

	/** From now on the month has this charge too, at the organization's level. */
	void addLateCharge(String orgId, YearMonth month, String service, BigDecimal amount) {
		Organization org = organization(orgId).orElseThrow(() -> new IllegalArgumentException("unknown org " + orgId));
		this.lateCharges.computeIfAbsent(orgId + '|' + month, (key) -> new CopyOnWriteArrayList<>())
			.add(new LineItem(org.id(), org.name(), null, null, null, null, service, month, amount));
	}

	/**
	 * What the Cost Explorer answers for a query of {@code orgId}: line items of the
	 * queried organizations (the path's when none are listed) filtered, then summed per
	 * organization, value of the grouped dimension and month.
	 */
	public List<UsageDetail> usageFor(String orgId, UsageQuery query) {
		List<String> orgIds = query.organizations().isEmpty() ? List.of(orgId) : query.organizations();
		List<LineItem> matching = new ArrayList<>();
		for (YearMonth month = YearMonth.from(query.startDate()); month
			.isBefore(YearMonth.from(query.endDate())); month = month.plusMonths(1)) {
			for (String id : orgIds) {
				if (organization(id).isPresent()) {
					lineItems(id, month).stream().filter((item) -> matches(item, query)).forEach(matching::add);
				}
			}
		}
		Function<LineItem, UsageDetail> rowKey = groupKey(query.groupBy());
		Map<UsageDetail, BigDecimal> sums = matching.stream()
			.collect(Collectors.groupingBy(rowKey, LinkedHashMap::new,
					Collectors.reducing(BigDecimal.ZERO.setScale(2), LineItem::amount, BigDecimal::add)));
		return sums.entrySet()
			.stream()
			.map((entry) -> withAmount(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(UsageDetail::usageDate)
				.thenComparing(UsageDetail::organizationId)
				.thenComparing((row) -> String.valueOf(dimensionValue(row))))
			.toList();
	}

	private static boolean matches(LineItem item, UsageQuery query) {
		return matches(item.projectId(), query.projects(), query.includePartialMatches())
				&& matches(item.clusterId(), query.clusters(), query.includePartialMatches())
				&& matches(item.service(), query.services(), query.includePartialMatches());
	}

	private static boolean matches(@Nullable String value, List<String> filter, boolean includePartialMatches) {
		if (filter.isEmpty()) {
			return true;
		}
		return (value == null) ? includePartialMatches : filter.contains(value);
	}

	private Function<LineItem, UsageDetail> groupKey(String groupBy) {
		return switch (groupBy) {
			case "organizations" -> (item) -> row(item, null, null, null, null, null);
			case "projects" -> (item) -> row(item, item.projectId(), item.projectName(), null, null, null);
			case "clusters" -> (item) -> row(item, null, null, item.clusterId(), item.clusterName(), null);
			case "services" -> (item) -> row(item, null, null, null, null, item.service());
			default -> throw new IllegalArgumentException("unknown groupBy " + groupBy);
		};
	}

	private static UsageDetail row(LineItem item, @Nullable String groupId, @Nullable String groupName,
			@Nullable String clusterId, @Nullable String clusterName, @Nullable String service) {
		return new UsageDetail(invoiceId(item.organizationId(), item.month()), item.organizationId(),
				item.organizationName(), groupId, groupName, clusterId, clusterName, service, null,
				item.month().atDay(1));
	}

	private static UsageDetail withAmount(UsageDetail key, BigDecimal amount) {
		return new UsageDetail(key.invoiceId(), key.organizationId(), key.organizationName(), key.groupId(),
				key.groupName(), key.clusterId(), key.clusterName(), key.service(), amount, key.usageDate());
	}

	private static String dimensionValue(UsageDetail row) {
		return Objects.requireNonNullElse(row.groupId(),
				Objects.requireNonNullElse(row.clusterId(), Objects.requireNonNullElse(row.service(), "")));
	}

	/** One invoice per organization and month, like Atlas's monthly invoices. */
	static String invoiceId(String orgId, YearMonth month) {
		return String.format("%08x%08x%08x", (orgId + month).hashCode(), month.hashCode() * 31 + 7,
				("invoice" + orgId).hashCode());
	}

	private BigDecimal shareOfMonthBilled(YearMonth month) {
		LocalDate today = LocalDate.now(this.clock);
		YearMonth current = YearMonth.from(today);
		if (month.isBefore(current)) {
			return BigDecimal.ONE;
		}
		if (month.isAfter(current)) {
			return BigDecimal.ZERO;
		}
		return BigDecimal.valueOf(today.getDayOfMonth())
			.divide(BigDecimal.valueOf(month.lengthOfMonth()), 6, RoundingMode.HALF_EVEN);
	}

	private static LineItem item(Organization org, @Nullable Project project, @Nullable Cluster cluster, String service,
			YearMonth month, BigDecimal share, int minDollars, int maxDollars) {
		String seed = org.id() + '|' + ((project != null) ? project.id() : "-") + '|'
				+ ((cluster != null) ? cluster.id() : "-") + '|' + service + '|' + month;
		// String.hashCode is specified, so the amounts are the same on every JVM
		long spreadCents = Math.floorMod(mix(seed.hashCode()), (maxDollars - minDollars) * 100L);
		BigDecimal full = BigDecimal.valueOf(minDollars * 100L + spreadCents, 2);
		BigDecimal amount = full.multiply(share).setScale(2, RoundingMode.HALF_EVEN);
		return new LineItem(org.id(), org.name(), (project != null) ? project.id() : null,
				(project != null) ? project.name() : null, (cluster != null) ? cluster.id() : null,
				(cluster != null) ? cluster.name() : null, service, month, amount);
	}

	private static long mix(int hash) {
		long value = hash * 0x9E3779B97F4A7C15L;
		return value ^ (value >>> 29);
	}

	/** An organization, its projects and their clusters. */
	public record Organization(String id, String name, List<Project> projects) {
	}

	/**
	 * A project ("group") and its clusters: dedicated ones ({@code listClusters}) and
	 * Flex ones ({@code listFlexClusters}), billed alike by the Cost Explorer.
	 */
	public record Project(String id, String name, List<Cluster> clusters) {

		List<Cluster> dedicatedClusters() {
			return this.clusters.stream().filter((cluster) -> !cluster.flex()).toList();
		}

		List<Cluster> flexClusters() {
			return this.clusters.stream().filter(Cluster::flex).toList();
		}

	}

	/** A cluster; {@code flex} for a Flex cluster, which only listFlexClusters lists. */
	public record Cluster(String id, String name, boolean flex) {

		Cluster(String id, String name) {
			this(id, name, false);
		}

	}

	/** One charge; the project and cluster are {@code null} for charges above them. */
	public record LineItem(String organizationId, String organizationName, @Nullable String projectId,
			@Nullable String projectName, @Nullable String clusterId, @Nullable String clusterName, String service,
			YearMonth month, BigDecimal amount) {

		LineItem negated() {
			return new LineItem(this.organizationId, this.organizationName, this.projectId, this.projectName,
					this.clusterId, this.clusterName, this.service, this.month, this.amount.negate());
		}

	}

}
