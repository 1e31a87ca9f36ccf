package com.atlascost.reports.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.run.DatabaseInUse;
import com.atlascost.reports.run.InvalidDatabasePathException;
import com.atlascost.reports.summary.ExitCode;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The exit code of a start that failed before the command line ran: settings that cannot
 * be bound or that Bean Validation refuses (a malformed duration, a concurrency of 0, an
 * unknown API version) are invalid input, exit {@code 2}, with a line naming the property
 * and the value, and so is an H2 database whose directory cannot be written; a database
 * held by another process is exit {@code 3}. Anything else is left to the caller (exit
 * {@code 1} with the stack trace).
 */
public final class StartupFailure {

	private static final Logger logger = LoggerFactory.getLogger(StartupFailure.class);

	private StartupFailure() {
	}

	public static Optional<ExitCode> exitCode(Throwable failure) {
		if (DatabaseInUse.isCauseOf(failure)) {
			return Optional.of(ExitCode.ALREADY_RUNNING);
		}
		InvalidDatabasePathException database = find(failure, InvalidDatabasePathException.class);
		if (database != null) {
			logger.error("Invalid input: {}", database.getMessage());
			return Optional.of(ExitCode.INVALID_INPUT);
		}
		BindValidationException invalid = find(failure, BindValidationException.class);
		if (invalid != null) {
			// Bean Validation of a settings group: one line per value refused
			ValidationErrors errors = invalid.getValidationErrors();
			for (ObjectError error : errors.getAllErrors()) {
				if (error instanceof FieldError field) {
					logger.error("Invalid input: {}.{}={}: {}", errors.getName(),
							DataObjectPropertyName.toDashedForm(field.getField()), field.getRejectedValue(),
							field.getDefaultMessage());
				}
				else {
					logger.error("Invalid input: {}: {}", errors.getName(), error.getDefaultMessage());
				}
			}
			return Optional.of(ExitCode.INVALID_INPUT);
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null) {
			ConfigurationProperty property = bind.getProperty();
			Throwable root = rootCause(bind);
			Class<?> type = bind.getTarget().getType().resolve();
			if (property != null && type != null && type.isEnum()) {
				logger.error("Invalid input: {}={}: must be one of {}", property.getName(), property.getValue(),
						Arrays.stream(type.getEnumConstants())
							.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
							.collect(Collectors.joining(", ")));
			}
			else if (property != null) {
				logger.error("Invalid input: {}={}: {}", property.getName(), property.getValue(), reason(root));
			}
			else if (root instanceof IllegalArgumentException && root.getMessage() != null) {
				// the settings' own checks name the property and the value
				logger.error("Invalid input: {}", root.getMessage());
			}
			else {
				logger.error("Invalid input: {}: {}", bind.getName(), reason(root));
			}
			return Optional.of(ExitCode.INVALID_INPUT);
		}
		return Optional.empty();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String reason(Throwable root) {
		return (root instanceof IllegalArgumentException && root.getMessage() != null) ? root.getMessage()
				: "cannot be read (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
