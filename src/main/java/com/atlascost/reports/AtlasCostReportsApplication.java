package com.atlascost.reports;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

import com.atlascost.reports.cli.ImmediateAnswer;
import com.atlascost.reports.cli.StartupFailure;
import com.atlascost.reports.summary.ExitCode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
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
