package com.atlascost.reports;

import java.time.Clock;
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
 * starts). Metrics stay: the job's meters are exported the Spring Boot way (see the
 * README).
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
		try {
			System.exit(SpringApplication.exit(SpringApplication.run(AtlasCostReportsApplication.class, args)));
		}
		catch (RuntimeException ex) {
			Optional<ExitCode> exitCode = StartupFailure.exitCode(ex);
			if (exitCode.isPresent()) {
				System.exit(exitCode.get().code());
			}
			throw ex;
		}
	}

}
