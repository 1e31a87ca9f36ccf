package com.atlascost.reports.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.atlascost.reports.atlas.UsageQuery;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The create call's filter rules, as the API documents them. Reads the raw JSON rather
 * than a bound record so that a malformed date or a wrong type is a 400, as on Atlas.
 */
class UsageQueryValidator {

	static final Pattern ID = Pattern.compile("^([a-f0-9]{24})$");

	private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	private static final Set<String> GROUP_BY = Set.of("organizations", "projects", "clusters", "services");

	/**
	 * The specification's services: {@code AI Models} and {@code Automated Embedding}, on
	 * the documentation site only, are not among them.
	 */
	private static final Set<String> SERVICES = Set.of("Atlas", "Clusters", "Storage", "Serverless Instances", "Backup",
			"Data Transfer", "BI Connector", "Premium Features", "Atlas Data Federation", "Atlas Stream Processing",
			"App Services", "Charts", "Cloud Manager", "Cloud Manager Standard/Premium", "Legacy Backup",
			"Flex Consulting", "Support", "Credits");

	/** The query, or the reason it is rejected. */
	record Result(@Nullable UsageQuery query, @Nullable String error) {

		static Result invalid(String error) {
			return new Result(null, error);
		}

	}

	Result validate(JsonNode body, String apiVersion) {
		if (body == null || !body.isObject()) {
			return Result.invalid("The request body must be a JSON object.");
		}
		Optional<LocalDate> start = firstOfMonth(body, "startDate");
		Optional<LocalDate> end = firstOfMonth(body, "endDate");
		if (start.isEmpty() || end.isEmpty()) {
			return Result.invalid("startDate and endDate are required, as YYYY-MM-DD on the first day of a month.");
		}
		if (!end.get().isAfter(start.get())) {
			return Result.invalid("endDate must be after startDate.");
		}
		List<String> organizations = strings(body, "organizations");
		List<String> projects = strings(body, "projects");
		List<String> clusters = strings(body, "clusters");
		List<String> services = strings(body, "services");
		if (organizations == null || projects == null || clusters == null || services == null) {
			return Result.invalid("organizations, projects, clusters and services must be arrays of strings.");
		}
		for (String id : concat(organizations, projects, clusters)) {
			if (!ID.matcher(id).matches()) {
				return Result.invalid("Invalid id " + id + ": ids match ^([a-f0-9]{24})$.");
			}
		}
		for (String service : services) {
			if (!isService(service, apiVersion)) {
				return Result.invalid("Unknown service " + service + " for API version " + apiVersion + ".");
			}
		}
		String groupBy = body.path("groupBy").isString() ? body.path("groupBy").stringValue() : "";
		if (!GROUP_BY.contains(groupBy)) {
			return Result.invalid("groupBy must be one of organizations, projects, clusters, services.");
		}
		List<String> grouped = switch (groupBy) {
			case "organizations" -> organizations;
			case "projects" -> projects;
			case "clusters" -> clusters;
			default -> services;
		};
		if (grouped.isEmpty()) {
			return Result.invalid("At least one " + groupBy + " filter value is required to group by " + groupBy + ".");
		}
		JsonNode partial = body.path("includePartialMatches");
		if (!partial.isMissingNode() && !partial.isBoolean()) {
			return Result.invalid("includePartialMatches must be a boolean.");
		}
		return new Result(new UsageQuery(start.get(), end.get(), organizations, projects, clusters, services, groupBy,
				partial.asBoolean(false)), null);
	}

	private static boolean isService(String service, String apiVersion) {
		return SERVICES.contains(service);
	}

	private static Optional<LocalDate> firstOfMonth(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isString() || !DATE.matcher(value.stringValue()).matches()) {
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.parse(value.stringValue());
			return (date.getDayOfMonth() == 1) ? Optional.of(date) : Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** An array field's strings: empty when absent, {@code null} when malformed. */
	private static @Nullable List<String> strings(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			return null;
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				return null;
			}
			strings.add(element.stringValue());
		}
		return strings;
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

}
