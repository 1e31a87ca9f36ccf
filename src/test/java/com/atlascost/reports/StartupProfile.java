package com.atlascost.reports;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * The child JVM of {@link StartupBenchmark}: runs the application as its main method
 * does, with Spring's {@link BufferingApplicationStartup} recording the start, and prints
 * where the time went (nested times: a bean's includes the beans it needed). Runs on the
 * extracted jar's class path, so the launcher's class-data-sharing archive applies.
 */
public final class StartupProfile {

	private StartupProfile() {
	}

	public static void main(String[] args) {
		long mainNanos = System.nanoTime();
		Duration toMain = Duration
			.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
		SpringApplication application = new SpringApplication(AtlasCostReportsApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		// the command-line runner, and so the job, runs inside run()
		int exitCode = SpringApplication.exit(application.run(args));
		long end = System.nanoTime();
		Instant ended = Instant.now();
		List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		print("JVM start to main", toMain);
		print("environment prepared (properties, logging)",
				sum(events, named("spring.boot.application.environment-prepared")));
		print("context refresh", sum(events, named("spring.context.refresh")));
		events.stream()
			.filter(named("spring.context.config-classes.parse"))
			.forEach((event) -> print("  configuration classes parsed, conditions evaluated ("
					+ tag(event.getStartupStep(), "classCount") + " classes)", event.getDuration()));
		for (Map.Entry<String, String> bean : List.of(Map.entry("dataSource", "DataSource (Hikari)"),
				Map.entry("flyway", "Flyway set-up"), Map.entry("flywayInitializer", "Flyway migrate"),
				Map.entry("jobRepository", "job repository (with the above)"),
				Map.entry("atlas-com.atlascost.reports.atlas.AtlasProperties",
						"first validated settings (Hibernate Validator bootstrap)"),
				Map.entry("jacksonJsonMapper", "Jackson 3 mapper"),
				Map.entry("webClientBuilder", "WebClient builder, codecs"),
				Map.entry("atlasSandbox", "sandbox server (Netty)"),
				Map.entry("atlasClient", "Atlas client (Reactor Netty, WebClient, OAuth2)"),
				Map.entry("costReportJob", "the job and its steps"))) {
			print("  bean " + bean.getKey() + ": " + bean.getValue(), sum(events, bean(bean.getKey())));
		}
		System.out.println("PROFILE   beans instantiated: " + events.stream().filter(instantiate()).count());
		events.stream()
			.filter(instantiate())
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(12)
			.forEach((event) -> print("  slowest beans: " + tag(event.getStartupStep(), "beanName"),
					event.getDuration()));
		events.stream()
			.filter(named("spring.context.refresh"))
			.forEach((event) -> print("after the refresh: the run (job, summary, exit)",
					Duration.between(event.getEndTime(), ended)));
		print("main, in all", Duration.ofNanos(end - mainNanos));
		System.exit(exitCode);
	}

	private static Predicate<StartupTimeline.TimelineEvent> named(String name) {
		return (event) -> event.getStartupStep().getName().equals(name);
	}

	private static Predicate<StartupTimeline.TimelineEvent> instantiate() {
		return named("spring.beans.instantiate");
	}

	private static Predicate<StartupTimeline.TimelineEvent> bean(String name) {
		return instantiate().and((event) -> name.equals(tag(event.getStartupStep(), "beanName")));
	}

	private static Duration sum(List<StartupTimeline.TimelineEvent> events,
			Predicate<StartupTimeline.TimelineEvent> which) {
		return events.stream()
			.filter(which)
			.map(StartupTimeline.TimelineEvent::getDuration)
			.reduce(Duration.ZERO, Duration::plus);
	}

	private static String tag(StartupStep step, String key) {
		List<String> values = new ArrayList<>();
		step.getTags().forEach((tag) -> {
			if (tag.getKey().equals(key)) {
				values.add(tag.getValue());
			}
		});
		return String.join(",", values);
	}

	private static void print(String what, Duration duration) {
		System.out.println(String.format(Locale.ROOT, "PROFILE %7.2f s  %s", duration.toNanos() / 1e9, what));
	}

}
