package com.atlascost.reports.cli;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the run logs ({@code log.*}).
 *
 * @param format {@code text} (the default), or {@code json} for one Elastic Common Schema
 * object per line; {@code ecs}, {@code logstash} and {@code gelf} name Spring Boot's
 * structured formats directly
 */
@ConfigurationProperties("log")
public record LogProperties(@DefaultValue("text") String format) {

	/** Whether logs are structured, for a log shipper rather than a person. */
	public boolean structured() {
		return !"text".equalsIgnoreCase(this.format);
	}

	/** Spring Boot's structured console format of this one, when structured. */
	String springFormat() {
		String lower = this.format.toLowerCase(Locale.ROOT);
		return lower.equals("json") ? "ecs" : lower;
	}

}
