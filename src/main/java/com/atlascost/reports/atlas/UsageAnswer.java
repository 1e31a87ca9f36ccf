package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a finished query's {@code 200} field by field. The specification leaves the body
 * untyped, so nothing is taken on trust: a body without a {@code usageDetails} list (an
 * empty body, {@code {}}, the list renamed or {@code null}), a row without a readable
 * amount or date, or an id that is not an Atlas id fails the poll with
 * {@link AtlasApiException#UNEXPECTED_ANSWER} and a detail naming the field. A month of
 * spend never silently becomes $0.
 */
final class UsageAnswer {

	private static final Pattern AMOUNT = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");

	private UsageAnswer() {
	}

	static List<UsageDetail> read(JsonNode content, String orgId) {
		JsonNode details = content.path("usageDetails");
		if (!details.isArray()) {
			throw unexpected(orgId, "usageDetails: " + (content.isMissingNode() ? "the answer has an empty body"
					: details.isMissingNode() ? "absent from the answer" : "not a list but " + describe(details)));
		}
		List<UsageDetail> rows = new ArrayList<>(details.size());
		for (int i = 0; i < details.size(); i++) {
			rows.add(row(details.get(i), "usageDetails[" + i + "]", orgId));
		}
		return rows;
	}

	private static UsageDetail row(JsonNode row, String at, String orgId) {
		if (!row.isObject()) {
			throw unexpected(orgId, at + ": not an object but " + describe(row));
		}
		return new UsageDetail(id(row, "invoiceId", at, orgId), id(row, "organizationId", at, orgId),
				text(row, "organizationName", at, orgId), id(row, "groupId", at, orgId),
				text(row, "groupName", at, orgId), id(row, "clusterId", at, orgId), text(row, "clusterName", at, orgId),
				text(row, "service", at, orgId), amount(row, at, orgId), date(row, at, orgId));
	}

	private static BigDecimal amount(JsonNode row, String at, String orgId) {
		JsonNode amount = row.path("usageAmount");
		if (amount.isNumber()) {
			return amount.decimalValue();
		}
		if (amount.isString() && AMOUNT.matcher(amount.stringValue()).matches()) {
			return new BigDecimal(amount.stringValue());
		}
		throw unexpected(orgId, at + ".usageAmount: " + describe(amount) + " is not an amount");
	}

	private static LocalDate date(JsonNode row, String at, String orgId) {
		JsonNode date = row.path("usageDate");
		if (date.isString()) {
			try {
				// a date, or a date-time whose day is the usage date
				String value = date.stringValue();
				return LocalDate
					.parse((value.length() > 10 && value.charAt(10) == 'T') ? value.substring(0, 10) : value);
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw unexpected(orgId, at + ".usageDate: " + describe(date) + " is not a date (YYYY-MM-DD)");
	}

	private static @Nullable String id(JsonNode row, String field, String at, String orgId) {
		String id = text(row, field, at, orgId);
		if (id != null && !AtlasIdFormat.ID.matcher(id).matches()) {
			throw unexpected(orgId,
					at + "." + field + ": " + AtlasIdFormat.shown(id) + " is not an Atlas id (24 hex digits)");
		}
		return id;
	}

	private static @Nullable String text(JsonNode row, String field, String at, String orgId) {
		JsonNode value = row.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw unexpected(orgId, at + "." + field + ": " + describe(value) + " is not text");
		}
		return value.stringValue();
	}

	private static String describe(JsonNode node) {
		if (node.isMissingNode()) {
			return "absent";
		}
		if (node.isNull()) {
			return "null";
		}
		if (node.isArray() || node.isObject()) {
			return "a JSON " + (node.isArray() ? "list" : "object");
		}
		return node.isString() ? AtlasIdFormat.shown(node.stringValue()) : node.toString();
	}

	private static AtlasApiException unexpected(String orgId, String detail) {
		return new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER, detail, orgId, AtlasApiCall.POLL_USAGE,
				null);
	}

}
