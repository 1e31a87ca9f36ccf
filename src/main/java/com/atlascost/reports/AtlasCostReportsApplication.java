package com.atlascost.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import com.atlascost.reports.cli.ImmediateAnswer;
import com.atlascost.reports.cli.StartupFailure;
import com.atlascost.reports.summary.ExitCode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import reactor.netty.http.HttpResources;

/**
 * The job's application. Left out of the start are the auto-configurations that
 * {@code --debug}'s condition report found active but that no bean of the job uses, so a
 * run does not parse, evaluate and instantiate them: Spring Security's and its OAuth2
 * client's (the Atlas client builds its own client-credentials manager, see
 * {@code atlas.auth.ServiceAccountAuthentication}; there is no web server to secure), the
 * blocking HTTP client and message converters (RestClient and RestTemplate: the job
 * speaks HTTP through WebClient), the application task executor and scheduler (Spring
 * Batch runs on its own executor, qualified {@code @BatchTaskExecutor}; nothing is
 * {@code @Async} or {@code @Scheduled}), the availability state (no probes) and project
 * info (no build-info or git properties; {@code --version} is answered before Spring
 * starts). Metrics stay: the job's meters are exported the Spring Boot way (see
 * docs/operations.md).
 */
@SpringBootApplication(
		exclude = { SecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				ProjectInfoAutoConfiguration.class },
		// a runtime dependency of the WebClient starter, not on the compile class path
		excludeName = "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration")
@ConfigurationPropertiesScan
public class AtlasCostReportsApplication {

	private static final Duration EVENT_LOOP_STOP = Duration.ofSeconds(2);

	/**
	 * Time comes from one place, so tests can fix "now" (the open month, fetch times).
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		OptionalInt answered = ImmediateAnswer.of(args, System.out, System.err);
		if (answered.isPresent()) {
			System.exit(answered.getAsInt());
		}
		int exitCode;
		try {
			exitCode = SpringApplication.exit(SpringApplication.run(AtlasCostReportsApplication.class, args));
		}
		catch (RuntimeException ex) {
			Optional<ExitCode> known = StartupFailure.exitCode(ex);
			if (known.isEmpty()) {
				throw ex;
			}
			exitCode = known.get().code();
		}
		finally {
			stopNettyEventLoops();
		}
		System.exit(exitCode);
	}

	/**
	 * Reactor Netty's shared event loops (the Atlas client's and the sandbox's) outlive
	 * the closed context, their threads waiting in native code (epoll). HotSpot holds the
	 * exit of a JVM while threads run native code, about 0.3 s on Java 17 (measured: the
	 * same gap with one thread in a selector), so they are stopped before it. No quiet
	 * period (Netty's graceful default is 2 s): the context is closed, nothing in flight.
	 */
	private static void stopNettyEventLoops() {
		try {
			HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, EVENT_LOOP_STOP).block(EVENT_LOOP_STOP);
		}
		catch (RuntimeException ex) {
			// the process ends anyway: at worst the JVM waits for the threads as before
		}
	}

}
