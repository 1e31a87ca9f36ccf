package com.atlascost.reports.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A job file exactly as YAML binds it, with the rules Bean Validation can check field by
 * field. {@link JobFileReader} adds the rules that span fields and turns it into a
 * {@link JobDefinition}.
 */
record RawJobFile(
		@NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
				message = "must be 1-64 letters, digits, '.', '_' or '-' (it names the report files)") String name,
		@Min(value = 1, message = "must be at least 1") @Max(value = 120,
				message = "must be at most 120") Integer lookbackMonths,
		@NotEmpty(message = "must list at least one grouping") @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> groupBy,
		Boolean includePartialMatches,
		@NotEmpty(message = "must list at least one organization") List<@Valid @NotNull(
				message = "must not be empty") RawOrganization> organizations,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tags,
		@Valid RawDelivery delivery,
		@Min(value = 1, message = "must be a month number, 1 (January) to 12") @Max(value = 12,
				message = "must be a month number, 1 (January) to 12") Integer fiscalYearStart,
		String budgetBasis) {

	/** The {@code delivery} block: the report mail and the alerts. */
	record RawDelivery(@Valid RawEmail email, @Valid RawAlerts alerts) {
	}

	record RawEmail(
			@NotEmpty(message = "must list at least one recipient") @JsonFormat(
					with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<@NotBlank(
							message = "must not be empty") @Email(message = ADDRESS) String> to,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<@NotBlank(
					message = "must not be empty") @Email(message = ADDRESS) String> cc,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> attach) {
	}

	record RawAlerts(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<@NotBlank(
			message = "must not be empty") @Email(message = ADDRESS) String> email, Boolean webhook) {
	}

	static final String ADDRESS = "is not a mail address (name@example.com)";

	record RawOrganization(
			@NotNull(message = "is required") @Pattern(regexp = AtlasIds.PATTERN,
					message = "must be a 24-character lowercase hex Atlas id") String id,
			@Size(max = 255, message = "must be at most 255 characters (the database column)") String label,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> projects,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> clusters,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> services,
			@Positive(message = "must be a positive amount of US dollars") @Digits(integer = 15, fraction = 2,
					message = "must be US dollars with at most 2 decimals") BigDecimal monthlyBudget,
			Map<String, @NotNull(message = "must be an amount") @Positive(
					message = "must be a positive amount of US dollars") @Digits(integer = 15, fraction = 2,
							message = "must be US dollars with at most 2 decimals") BigDecimal> projectBudgets) {
	}

}
