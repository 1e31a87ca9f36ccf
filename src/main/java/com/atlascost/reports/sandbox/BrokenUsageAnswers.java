package com.atlascost.reports.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlascost.reports.atlas.AtlasJson;
import com.atlascost.reports.atlas.UsageDetail;
import com.atlascost.reports.atlas.UsageQuery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage answers of {@link SandboxSettings.Faults}: what a broken proxy or an attacker
 * sends for a finished query instead of the specification's {@code usageDetails}.
 */
final class BrokenUsageAnswers {

	/** An organization no query of the sandbox's data asks for. */
	static final String FOREIGN_ORG = "5f0c2a3b4d5e6f70819299ff";

	static final int LONG_NAME_LENGTH = 40_000;

	/** More whole dollars than a spreadsheet cell shows to the cent. */
	static final BigDecimal HUGE_AMOUNT = new BigDecimal("12345678901234567.89");

	private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
	};

	private final JsonMapper mapper = AtlasJson.mapper();

	SandboxAnswer answer(SandboxSettings.Faults hostile, UsageQuery query, List<UsageDetail> rows) {
		List<Map<String, Object>> details = new ArrayList<>();
		rows.forEach((row) -> details.add(map(row)));
		Map<String, Object> first = details.isEmpty() ? template(query) : details.get(0);
		for (int i = 0; i < hostile.extraRows(); i++) {
			details.add(with(first, "usageAmount", new BigDecimal("0.001")));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		switch (hostile.answer()) {
			case MISSING_DETAILS -> {
				return SandboxAnswer.ok(200, Map.of());
			}
			case RENAMED_DETAILS -> {
				return SandboxAnswer.ok(200, Map.of("usageDetail", details));
			}
			case EMPTY_BODY -> {
				// no JSON, not even an envelope: what a proxy cutting the body sends
				return SandboxAnswer.ok(200, null).outsideApi();
			}
			case UNPARSEABLE_AMOUNT -> details.set(0, with(first, "usageAmount", "12,50"));
			case UNPARSEABLE_DATE -> details.set(0, with(first, "usageDate", "yesterday"));
			case FOREIGN_ROWS -> {
				Map<String, Object> foreign = with(first, "organizationId", FOREIGN_ORG);
				foreign.put("organizationName", "Foreign Org");
				foreign.put("usageAmount", new BigDecimal("999.99"));
				details.add(foreign);
			}
			case OUTSIDE_WINDOW -> details.add(with(with(first, "usageDate", query.endDate().toString()), "usageAmount",
					new BigDecimal("123.45")));
			case SUB_CENT_AMOUNTS -> {
				for (int i = 0; i < 3; i++) {
					details.add(with(first, "usageAmount", new BigDecimal("0.005")));
				}
				details.add(with(first, "usageAmount", new BigDecimal("1.234567")));
				for (int i = 0; i < 200; i++) {
					details.add(with(first, "usageAmount", new BigDecimal("0.004")));
				}
			}
			case HUGE_AMOUNT -> details.set(0, with(first, "usageAmount", HUGE_AMOUNT));
			case LONG_NAMES -> details.replaceAll(BrokenUsageAnswers::longNames);
			case NONE -> {
				// the rows as they are, with any extra rows and padding
			}
		}
		body.put("usageDetails", details);
		if (hostile.paddingBytes() > 0) {
			body.put("padding", "x".repeat(hostile.paddingBytes()));
		}
		return SandboxAnswer.ok(200, body);
	}

	private Map<String, Object> map(UsageDetail row) {
		Map<String, Object> map = new LinkedHashMap<>(this.mapper.convertValue(row, ROW));
		map.values().removeIf(java.util.Objects::isNull);
		// the wire form: an amount stays a JSON number, a date a string
		if (row.usageAmount() != null) {
			map.put("usageAmount", row.usageAmount());
		}
		if (row.usageDate() != null) {
			map.put("usageDate", row.usageDate().toString());
		}
		return map;
	}

	private static Map<String, Object> template(UsageQuery query) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("organizationId", query.organizations().isEmpty() ? "" : query.organizations().get(0));
		row.put("usageDate", query.startDate().toString());
		row.put("usageAmount", BigDecimal.ZERO);
		return row;
	}

	private static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(row);
		copy.put(field, value);
		return copy;
	}

	private static Map<String, Object> longNames(Map<String, Object> row) {
		Map<String, Object> copy = new LinkedHashMap<>(row);
		for (String name : List.of("organizationName", "groupName", "clusterName", "service")) {
			if (copy.get(name) instanceof String value) {
				copy.put(name, value + "n".repeat(LONG_NAME_LENGTH - value.length()));
			}
		}
		return copy;
	}

}
