package com.atlascost.reports.cli;

import java.sql.SQLException;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.usage.UsageProperties;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The exit code and message of a start that failed, from failures made by Spring Boot's
 * own binder with Bean Validation, as a start makes them (the functional tests see the
 * same through whole starts).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void everyValueBeanValidationRefusesIsNamedWithItsPropertyAndExitsTwo(CapturedOutput output) {
		Throwable failure = bind("usage", UsageProperties.class,
				Map.of("usage.concurrency", "0", "usage.max-recreates", "-1"));
		assertThat(failure).isInstanceOf(BindException.class);
		assertThat(StartupFailure.exitCode(failure)).contains(ExitCode.INVALID_INPUT);
		assertThat(output).contains("Invalid input: usage.concurrency=0: must be at least 1")
			.contains("Invalid input: usage.max-recreates=-1: must be 0 or more");
	}

	@Test
	void aNestedGroupIsNamedWithItsFullPath(CapturedOutput output) {
		Throwable failure = bind("atlas", AtlasProperties.class, Map.of("atlas.rate-limit.refill", "0"));
		assertThat(StartupFailure.exitCode(failure)).contains(ExitCode.INVALID_INPUT);
		assertThat(output).contains("Invalid input: atlas.rate-limit.refill=0: must be at least 1");
	}

	@Test
	void aValueThatCannotBeReadAndAConstructorsOwnCheckAreInvalidInputToo(CapturedOutput output) {
		Throwable unreadable = bind("atlas", AtlasProperties.class, Map.of("atlas.timeouts.read", "soon"));
		assertThat(StartupFailure.exitCode(unreadable)).contains(ExitCode.INVALID_INPUT);
		assertThat(output).contains("Invalid input: atlas.timeouts.read=soon: 'soon' is not a valid duration");
		Throwable checked = bind("atlas", AtlasProperties.class, Map.of("atlas.rate-limit.period", "0s"));
		assertThat(StartupFailure.exitCode(checked)).contains(ExitCode.INVALID_INPUT);
		assertThat(output).contains("atlas.rate-limit.period must be positive, not PT0S");
	}

	@Test
	void aDatabaseHeldByAnotherProcessIsThreeAndAnythingElseIsLeftToTheCaller() {
		Throwable held = new IllegalStateException("pool",
				new SQLException("Database may be already in use", "90020", 90020));
		assertThat(StartupFailure.exitCode(held)).contains(ExitCode.ALREADY_RUNNING);
		assertThat(StartupFailure.exitCode(new IllegalStateException("something else"))).isEmpty();
	}

	private static Throwable bind(String prefix, Class<?> type, Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return catchThrowable(() -> binder.bindOrCreate(prefix, Bindable.of(type),
				new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()))));
	}

}
