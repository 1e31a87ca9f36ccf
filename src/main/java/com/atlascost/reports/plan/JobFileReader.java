package com.atlascost.reports.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and validates a job file before anything is called. Every problem found is
 * reported at once, each naming the file, the field and the value.
 */
@Component
public class JobFileReader {

	private static final int DEFAULT_LOOKBACK_MONTHS = 6;

	/** The largest job file read: a job lists organizations, not data. */
	static final long MAX_BYTES = 1024 * 1024;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Validator validator;

	JobFileReader(Validator validator) {
		this.validator = validator;
	}

	public JobDefinition read(Path file) {
		RawJobFile raw = parse(file);
		List<String> problems = new ArrayList<>();
		this.validator.validate(raw)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<RawJobFile> v) -> v.getPropertyPath().toString()))
			.forEach((v) -> problems.add(problem(file, fieldOf(v), v.getInvalidValue(), v.getMessage())));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		JobDefinition definition = toDefinition(file, raw, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return definition;
	}

	private RawJobFile parse(Path file) {
		String text;
		try {
			if (Files.exists(file) && !Files.isRegularFile(file)) {
				throw new InvalidInputException(file + ": not a regular file; a job file is a YAML file");
			}
			long size = Files.exists(file) ? Files.size(file) : 0;
			if (size > MAX_BYTES) {
				throw new InvalidInputException(
						file + ": job file is " + size + " bytes; at most " + MAX_BYTES + " (1 MB) are read");
			}
			text = Utf8JobFileText.decode(file, Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			throw new InvalidInputException(file + ": job file not found");
		}
		catch (IOException ex) {
			throw new InvalidInputException(file + ": cannot read job file (" + ex.getMessage() + ")");
		}
		try {
			RawJobFile raw = this.yaml.readValue(text, RawJobFile.class);
			if (raw == null) {
				throw new InvalidInputException(file + ": job file is empty");
			}
			return raw;
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(file + ": " + describe(ex));
		}
	}

	private static String describe(JacksonException ex) {
		String path = fieldPath(ex.getPath());
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
		String reason = String.join(" ",
				ex.getOriginalMessage().lines().map(String::strip).filter((line) -> !line.isEmpty()).toList());
		return (path.isEmpty() ? "" : path + ": ") + "cannot read YAML" + where + ": " + reason;
	}

	private static String fieldPath(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private JobDefinition toDefinition(Path file, RawJobFile raw, List<String> problems) {
		List<Grouping> groupings = new ArrayList<>();
		for (int i = 0; i < raw.groupBy().size(); i++) {
			String field = "groupBy[" + i + "]";
			String value = raw.groupBy().get(i);
			Grouping grouping = Grouping.fromApiName(value).orElse(null);
			if (grouping == null) {
				problems.add(problem(file, field, value,
						"is not a grouping; use organizations, projects, clusters or services"));
			}
			else if (groupings.contains(grouping)) {
				problems.add(problem(file, field, value, "is listed twice"));
			}
			else {
				groupings.add(grouping);
			}
		}
		List<OrganizationScope> organizations = new ArrayList<>();
		List<Budget> budgets = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < raw.organizations().size(); i++) {
			RawJobFile.RawOrganization org = raw.organizations().get(i);
			String field = "organizations[" + i + "]";
			if (!ids.add(org.id())) {
				problems.add(problem(file, field + ".id", org.id(), "is listed twice"));
			}
			OrganizationScope scope = new OrganizationScope(org.id(),
					(org.label() == null || org.label().isBlank()) ? org.id() : org.label().strip(),
					idSelection(file, field + ".projects", org.projects(), problems),
					idSelection(file, field + ".clusters", org.clusters(), problems),
					serviceSelection(file, field + ".services", org.services(), problems));
			organizations.add(scope);
			budgets(file, field, org, groupings, problems).forEach(budgets::add);
		}
		int lookback = (raw.lookbackMonths() != null) ? raw.lookbackMonths() : DEFAULT_LOOKBACK_MONTHS;
		boolean partial = Boolean.TRUE.equals(raw.includePartialMatches());
		return new JobDefinition(file, raw.name(), lookback, groupings, partial, organizations, budgets,
				tagKeys(file, raw.tags(), problems), delivery(file, raw.delivery(), problems),
				accounting(file, raw, problems));
	}

	/** {@code fiscalYearStart} (checked 1..12 by its bounds) and {@code budgetBasis}. */
	private static Accounting accounting(Path file, RawJobFile raw, List<String> problems) {
		int start = (raw.fiscalYearStart() != null) ? raw.fiscalYearStart() : Accounting.DEFAULT_FISCAL_YEAR_START;
		Accounting.BudgetBasis basis = Accounting.BudgetBasis.BILLED;
		if (raw.budgetBasis() != null) {
			basis = null;
			for (Accounting.BudgetBasis known : Accounting.BudgetBasis.values()) {
				if (known.jobFileName().equals(raw.budgetBasis())) {
					basis = known;
				}
			}
			if (basis == null) {
				problems
					.add(problem(file, "budgetBasis", raw.budgetBasis(), "is not a budget basis; use billed or usage"));
				basis = Accounting.BudgetBasis.BILLED;
			}
		}
		return new Accounting(start, basis);
	}

	/** {@code tags: all}, or a list of distinct, non-blank keys. */
	private static TagKeys tagKeys(Path file, @Nullable List<String> tags, List<String> problems) {
		if (tags == null || tags.isEmpty()) {
			return TagKeys.none();
		}
		if (tags.size() == 1 && "all".equals(tags.get(0))) {
			return TagKeys.allKeys();
		}
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			String key = tags.get(i);
			if (key == null || key.isBlank() || "all".equals(key)) {
				problems.add(problem(file, "tags[" + i + "]", String.valueOf(key),
						"must be a tag key ('all' stands alone: tags: all)"));
			}
			else if (keys.contains(key.strip())) {
				problems.add(problem(file, "tags[" + i + "]", key, "is listed twice"));
			}
			else {
				keys.add(key.strip());
			}
		}
		return TagKeys.of(keys);
	}

	/** A list element's path without Bean Validation's {@code .<list element>} suffix. */
	private static String fieldOf(ConstraintViolation<RawJobFile> violation) {
		return violation.getPropertyPath().toString().replace(".<list element>", "");
	}

	private static Delivery delivery(Path file, RawJobFile.@Nullable RawDelivery raw, List<String> problems) {
		if (raw == null) {
			return Delivery.none();
		}
		if (raw.email() == null && raw.alerts() == null) {
			problems.add(problem(file, "delivery", "{}", "must give email, alerts or both"));
			return Delivery.none();
		}
		List<String> to = List.of();
		List<String> cc = List.of();
		Set<Delivery.Attachment> attach = EnumSet.of(Delivery.Attachment.WORKBOOK);
		if (raw.email() != null) {
			to = raw.email().to();
			cc = (raw.email().cc() != null) ? raw.email().cc() : List.of();
			if (raw.email().attach() != null) {
				attach = attachments(file, raw.email().attach(), problems);
			}
		}
		List<String> alertEmails = List.of();
		boolean webhook = false;
		if (raw.alerts() != null) {
			alertEmails = (raw.alerts().email() != null) ? raw.alerts().email() : List.of();
			webhook = Boolean.TRUE.equals(raw.alerts().webhook());
			if (alertEmails.isEmpty() && !webhook) {
				problems.add(problem(file, "delivery.alerts", "{}", "must give email addresses or webhook: true"));
			}
		}
		return new Delivery(to, cc, attach, alertEmails, webhook);
	}

	private static Set<Delivery.Attachment> attachments(Path file, List<String> values, List<String> problems) {
		Set<Delivery.Attachment> attach = EnumSet.noneOf(Delivery.Attachment.class);
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			Delivery.Attachment known = null;
			for (Delivery.Attachment attachment : Delivery.Attachment.values()) {
				if (attachment.jobFileName().equals(value)) {
					known = attachment;
				}
			}
			if (known == null) {
				problems.add(problem(file, "delivery.email.attach[" + i + "]", value,
						"is not an attachment; use workbook or focus"));
			}
			else {
				attach.add(known);
			}
		}
		return attach;
	}

	/**
	 * An organization's budgets. A project's actual spend is read off the projects
	 * grouping, so project budgets need it.
	 */
	private static List<Budget> budgets(Path file, String field, RawJobFile.RawOrganization org,
			List<Grouping> groupings, List<String> problems) {
		List<Budget> budgets = new ArrayList<>();
		if (org.monthlyBudget() != null) {
			budgets.add(new Budget(org.id(), null, org.monthlyBudget()));
		}
		if (org.projectBudgets() != null) {
			for (var entry : org.projectBudgets().entrySet()) {
				String key = field + ".projectBudgets." + entry.getKey();
				if (!AtlasIds.isValid(entry.getKey())) {
					problems
						.add(problem(file, key, entry.getKey(), "must be a project id (24-character lowercase hex)"));
				}
				else if (!groupings.contains(Grouping.PROJECTS)) {
					problems.add(problem(file, key, entry.getValue(),
							"needs groupBy 'projects': a project's spend is read off that grouping"));
				}
				else if (entry.getValue() != null) {
					budgets.add(new Budget(org.id(), entry.getKey(), entry.getValue()));
				}
			}
		}
		return budgets;
	}

	/**
	 * Projects and clusters: a list of ids, or {@code all} (discovered through the API
	 * when a grouping needs their ids, see the job's filter resolution).
	 */
	private static IdSelection idSelection(Path file, String field, List<String> values, List<String> problems) {
		if (values == null) {
			return IdSelection.notGiven();
		}
		if (values.equals(List.of("all"))) {
			return IdSelection.all();
		}
		if (values.isEmpty()) {
			problems.add(problem(file, field, "[]", "must list at least one id, or be left out"));
		}
		for (int i = 0; i < values.size(); i++) {
			if (!AtlasIds.isValid(values.get(i))) {
				problems.add(problem(file, field + "[" + i + "]", values.get(i),
						"must be a 24-character lowercase hex Atlas id"));
			}
		}
		return IdSelection.listed(values);
	}

	private static IdSelection serviceSelection(Path file, String field, List<String> values, List<String> problems) {
		if (values == null) {
			return IdSelection.notGiven();
		}
		if (values.equals(List.of("all"))) {
			return IdSelection.all();
		}
		if (values.isEmpty()) {
			problems.add(problem(file, field, "[]", "must list at least one service, or be left out"));
		}
		for (int i = 0; i < values.size(); i++) {
			if (!CostExplorerServices.isKnown(values.get(i))) {
				problems.add(problem(file, field + "[" + i + "]", values.get(i),
						"is not a Cost Explorer service; use one of " + CostExplorerServices.ALL));
			}
		}
		return IdSelection.listed(values);
	}

	static String problem(Path file, String field, Object value, String rule) {
		return file + ": " + field + ": '" + value + "' " + rule;
	}

}
