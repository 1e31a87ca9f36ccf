package com.atlascost.reports.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the operator's options into Spring Boot settings before logging starts:
 * <ul>
 * <li>{@code --log.format=json} selects Boot's structured console logging (Elastic Common
 * Schema); {@code ecs}, {@code logstash} and {@code gelf} are passed through.</li>
 * <li>{@code --progress=bar} is {@code --progress.mode=bar}.</li>
 * <li>Without {@code --debug}, exceptions print their messages but no stack traces, in
 * text and JSON alike (Spring Batch logs a failed step with its exception; the run
 * summary says what failed).</li>
 * <li>Without {@code --verbose} (or {@code --debug}), Spring's and the libraries' INFO
 * lines are left out: the console shows the job's own.</li>
 * <li>{@code --help}, {@code --version} and {@code --plan} call and write nothing: the
 * application starts on a throw-away in-memory database, so not even an H2 file is
 * created, and Flyway does not run.</li>
 * </ul>
 * The logging settings are added last, so an explicit Spring property still wins; the
 * dry-run database comes first, as it must.
 */
class OperatorEnvironment implements EnvironmentPostProcessor {

	/**
	 * Spring's and the libraries' start-up and step lines, which a run prints only with
	 * {@code --verbose}: the console keeps the job's own (plan, progress, failures,
	 * summary). Warnings stay, but Flyway's about an H2 newer than it was verified with,
	 * which an operator can do nothing about.
	 */
	private static final Map<String, String> QUIET_LOGGERS = Map.of("com.zaxxer.hikari", "WARN", "org.flywaydb", "WARN",
			"org.flywaydb.core.internal.database.base.Database", "ERROR", "org.springframework.batch", "WARN");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> settings = new HashMap<>();
		// Bound by hand: logging starts before any @ConfigurationProperties bean exists.
		LogProperties log = Binder.get(environment).bindOrCreate("log", LogProperties.class);
		if (log.structured()) {
			settings.put("logging.structured.format.console", log.springFormat());
		}
		if (environment.containsProperty("progress")) {
			settings.put("progress.mode", environment.getProperty("progress"));
		}
		if (!isSet(environment, "debug") && !isSet(environment, "trace")) {
			settings.put("logging.exception-conversion-word", "%wEx{0}");
			settings.put("logging.structured.json.exclude", "error.stack_trace");
		}
		boolean verbose = isSet(environment, "verbose") || isSet(environment, "debug") || isSet(environment, "trace");
		// INFO spelled out: a level set once stays with its logger for the JVM's life
		QUIET_LOGGERS.forEach((logger, level) -> settings.put("logging.level." + logger, verbose ? "INFO" : level));
		settings.put("spring.main.log-startup-info", Boolean.toString(verbose));
		environment.getPropertySources().addLast(new MapPropertySource("operatorOptions", settings));
		if (isSet(environment, "help") || isSet(environment, "version") || isSet(environment, "plan")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("dryRun", Map.of("spring.datasource.url", "jdbc:h2:mem:dry-run",
						"spring.datasource.driver-class-name", "org.h2.Driver", "spring.flyway.enabled", "false")));
		}
	}

	/** {@code --debug} arrives as an empty value; only {@code false} switches it off. */
	static boolean isSet(Environment environment, String name) {
		return environment.containsProperty(name) && !"false".equalsIgnoreCase(environment.getProperty(name));
	}

}
