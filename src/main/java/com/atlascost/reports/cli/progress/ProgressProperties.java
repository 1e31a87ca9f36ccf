package com.atlascost.reports.cli.progress;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a fetch shows its progress ({@code progress.*}; {@code --progress=bar} is the
 * operator's short form of {@code --progress.mode=bar}).
 *
 * @param mode {@code auto} draws a bar on an interactive terminal with plain text logs
 * and writes log lines otherwise; {@code bar} and {@code log} force one
 * @param interval how often a progress log line may be written
 */
@ConfigurationProperties("progress")
@Validated
public record ProgressProperties(@DefaultValue("auto") Mode mode,
		@DefaultValue("5s") @DurationMin(millis = 1, message = "must be above 0") Duration interval) {

	/** The progress display. */
	public enum Mode {

		AUTO, BAR, LOG

	}

}
