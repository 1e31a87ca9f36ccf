package com.atlascost.reports.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sandbox's invoice lines: one per charge, with a SKU, a quantity and unit whose list
 * price is exactly the charge, and the resource tags of its project or cluster.
 */
final class SandboxLines {

	/**
	 * Resource tags of projects and clusters: a cluster without tags of its own has the
	 * tags of its project.
	 */
	private static final Map<String, Map<String, List<String>>> TAGS = Map.ofEntries(
			Map.entry("6a1b2c3d4e5f60718293a4b1", Map.of("team", List.of("web"), "env", List.of("prod"))),
			Map.entry("7b1c2d3e4f5a60718293b4c2", Map.of("team", List.of("search"), "env", List.of("prod"))),
			Map.entry("6a1b2c3d4e5f60718293a4b2", Map.of("team", List.of("payments"), "env", List.of("prod"))),
			Map.entry("6a1b2c3d4e5f60718293a4c1", Map.of("team", List.of("data"))),
			Map.entry("6a1b2c3d4e5f60718293a4c2", Map.of("team", List.of("data"), "env", List.of("staging"))),
			Map.entry("6a1b2c3d4e5f60718293a4d1", Map.of("env", List.of("dev"))),
			Map.entry("6a1b2c3d4e5f60718293a4f1", Map.of("team", List.of("決済"), "env", List.of("本番"))));

	private SandboxLines() {
	}

	/**
	 * A charge as a line: the quantity is what the unit price makes the total, exactly
	 * (the unit prices divide every amount in cents).
	 */
	static Map<String, Object> lineItem(SandboxData.LineItem charge, YearMonth month) {
		long cents = charge.amount().movePointRight(2).longValueExact();
		Map<String, Object> line = switch (charge.service()) {
			case "Clusters" -> line("ATLAS_AWS_INSTANCE_M30", cents, "hours", "0.25", month);
			case "Storage" -> line("ATLAS_AWS_STORAGE_PROVISIONED", cents, "GB-months", "0.10", month);
			case "Data Transfer" -> line("ATLAS_AWS_DATA_TRANSFER_DIFFERENT_REGION", cents, "GB", "0.05", month);
			case "Backup" -> line("ATLAS_AWS_BACKUP_SNAPSHOT_STORAGE", cents, "GB-months", "0.20", month);
			case "Support" ->
				line("ATLAS_SUPPORT", BigDecimal.ONE, "months", BigDecimal.valueOf(cents, 2), cents, month);
			case "Credits" -> line("CREDIT", null, null, null, cents, month);
			default -> throw new IllegalStateException("no SKU for " + charge.service());
		};
		if (charge.projectId() != null) {
			line.put("groupId", charge.projectId());
			line.put("groupName", charge.projectName());
		}
		if (charge.clusterName() != null) {
			line.put("clusterName", charge.clusterName());
		}
		Map<String, List<String>> tags = (charge.clusterId() != null && TAGS.containsKey(charge.clusterId()))
				? TAGS.get(charge.clusterId()) : (charge.projectId() != null) ? TAGS.get(charge.projectId()) : null;
		line.put("tags", (tags != null) ? tags : Map.of());
		return line;
	}

	static Map<String, Object> line(String sku, long cents, String unit, String unitPrice, YearMonth month) {
		BigDecimal price = new BigDecimal(unitPrice);
		BigDecimal quantity = BigDecimal.valueOf(cents, 2).divide(price, 4, RoundingMode.UNNECESSARY);
		return line(sku, quantity, unit, price, cents, month);
	}

	static Map<String, Object> line(String sku, @Nullable BigDecimal quantity, @Nullable String unit,
			@Nullable BigDecimal unitPrice, long cents, YearMonth month) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("sku", sku);
		if (quantity != null) {
			line.put("quantity", quantity);
			line.put("unit", unit);
			line.put("unitPriceDollars", unitPrice);
		}
		line.put("totalPriceCents", cents);
		line.put("discountCents", 0L);
		line.put("startDate", SandboxInvoices.dateTime(month));
		line.put("endDate", SandboxInvoices.dateTime(month.plusMonths(1)));
		return line;
	}

}
