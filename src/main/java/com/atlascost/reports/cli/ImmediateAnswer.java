package com.atlascost.reports.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.OptionalInt;

import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.summary.ExitCode;

/**
 * What the command line answers before the application starts: {@code --help},
 * {@code --version} and a malformed command line take a bare JVM, not the seconds a
 * Spring start takes.
 */
public final class ImmediateAnswer {

	private ImmediateAnswer() {
	}

	/**
	 * Answers the command line if it needs no application.
	 * @return the exit code when answered; empty when the application has to run
	 */
	public static OptionalInt of(String[] args, PrintStream out, PrintStream err) {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> err.println("Invalid input: " + problem));
			err.println("Exit code " + ExitCode.INVALID_INPUT.code() + ": " + ExitCode.INVALID_INPUT.meaning());
			return OptionalInt.of(ExitCode.INVALID_INPUT.code());
		}
		return switch (options.command()) {
			case HELP -> {
				out.print(HelpText.TEXT);
				yield OptionalInt.of(ExitCode.DONE.code());
			}
			case VERSION -> {
				out.println(version());
				yield OptionalInt.of(ExitCode.DONE.code());
			}
			default -> OptionalInt.empty();
		};
	}

	/** "atlas-cost-reports 0.1.0", from the jar's manifest. */
	static String version() {
		String version = ImmediateAnswer.class.getPackage().getImplementationVersion();
		return "atlas-cost-reports " + Objects.requireNonNullElse(version, "(development build: not run from the jar)");
	}

}
