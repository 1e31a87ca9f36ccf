package com.atlascost.reports.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.MonthRange;

/**
 * The command line, parsed and checked once, before Spring starts: {@code --help},
 * {@code --version} and a malformed command line are answered without starting the
 * application. Options of the job's own are named here; an option with a dot
 * ({@code --atlas.base-url=...}) or in upper case ({@code --MONGODB_ATLAS_CLIENT_ID=...})
 * is a Spring property and left to Spring. Anything else is a mistyped option and
 * refused, rather than silently ignored as Spring would.
 *
 * @param command what to do
 * @param job the job file ({@code --job}); {@code null} only for help, version and an
 * unfiltered history
 * @param from {@code --from}, if given
 * @param to {@code --to}, if given
 * @param runDate {@code --run-date}, if given
 * @param refresh {@code --refresh}: fetch again what is stored
 * @param noDelivery {@code --no-delivery}: write the reports, send nothing
 * @param reportOnly {@code --report-only}: rebuild the report from the database, call
 * Atlas for nothing
 * @param historyLimit how many runs {@code --history} lists ({@code --limit})
 * @param verbose {@code --verbose}: Spring's own start-up lines too
 */
record CommandLineOptions(Command command, @Nullable Path job, @Nullable YearMonth from, @Nullable YearMonth to,
		@Nullable LocalDate runDate, boolean refresh, boolean noDelivery, boolean reportOnly, int historyLimit,
		boolean verbose) {

	static final int DEFAULT_HISTORY_LIMIT = 20;

	/** The options the job itself reads; each with whether it takes a value. */
	private static final Map<String, Boolean> OPTIONS = options();

	/** Spring Boot's own switches, passed on to it. */
	private static final Set<String> SPRING_SWITCHES = Set.of("debug", "trace", "sandbox");

	private static final Set<String> PROGRESS_MODES = Set.of("auto", "bar", "log");

	/** An environment variable given as an option, as Spring allows. */
	private static final Pattern UPPER_CASE = Pattern.compile("[A-Z][A-Z0-9_]*");

	/** What a run is asked to do. */
	public enum Command {

		RUN, PLAN, HISTORY, RESTART_LAST_FAILED, HELP, VERSION

	}

	/**
	 * The options of these arguments.
	 * @throws InvalidInputException naming the option and value that is wrong
	 */
	public static CommandLineOptions parse(String... args) {
		Map<String, @Nullable String> given = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || arg.length() == 2) {
				problems.add("'" + arg + "': not an option; options look like --name or --name=value (see --help)");
				continue;
			}
			int equals = arg.indexOf('=');
			String name = (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
			@Nullable String value = (equals < 0) ? null : arg.substring(equals + 1);
			Boolean takesValue = OPTIONS.get(name);
			if (takesValue == null) {
				if (!name.contains(".") && !SPRING_SWITCHES.contains(name) && !UPPER_CASE.matcher(name).matches()) {
					problems.add("--" + name + ": unknown option (see --help)");
				}
				continue;
			}
			if (takesValue && (value == null || value.isBlank())) {
				problems.add("--" + name + " needs a value: --" + name + "=" + example(name));
				continue;
			}
			// the last one wins, as with Spring properties
			given.put(name, value);
		}
		if (given.containsKey("help")) {
			return help(Command.HELP);
		}
		if (given.containsKey("version")) {
			return help(Command.VERSION);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		progress(given.get("progress"));
		Command command = command(given);
		@Nullable String jobOption = given.get("job");
		if (jobOption == null && command != Command.HISTORY) {
			throw new InvalidInputException("--job is required: --job=jobs/<name>.yml");
		}
		if (isSet(given, "report-only") && isSet(given, "refresh")) {
			throw new InvalidInputException("--report-only and --refresh: choose one; --report-only rebuilds the"
					+ " report from the database, --refresh fetches everything from Atlas again");
		}
		return new CommandLineOptions(command, (jobOption != null) ? Path.of(jobOption).normalize() : null,
				month("--from", given.get("from")), month("--to", given.get("to")), runDate(given.get("run-date")),
				isSet(given, "refresh"), isSet(given, "no-delivery"), isSet(given, "report-only"),
				limit(given.get("limit")), isSet(given, "verbose"));
	}

	private static CommandLineOptions help(Command command) {
		return new CommandLineOptions(command, null, null, null, null, false, false, false, DEFAULT_HISTORY_LIMIT,
				false);
	}

	private static Command command(Map<String, @Nullable String> given) {
		if (isSet(given, "history")) {
			return Command.HISTORY;
		}
		if (isSet(given, "restart-last-failed")) {
			return Command.RESTART_LAST_FAILED;
		}
		return isSet(given, "plan") ? Command.PLAN : Command.RUN;
	}

	/** A switch given bare or with any value but {@code false}. */
	private static boolean isSet(Map<String, @Nullable String> given, String name) {
		return given.containsKey(name) && !"false".equalsIgnoreCase(given.get(name));
	}

	private static @Nullable YearMonth month(String option, @Nullable String value) {
		return (value != null) ? MonthRange.parse(option, value) : null;
	}

	private static @Nullable LocalDate runDate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("--run-date=" + value + ": not a date; use YYYY-MM-DD, e.g. 2026-03-14");
		}
	}

	/**
	 * Checked here so a typo is answered before Spring starts (ProgressProperties binds).
	 */
	private static void progress(@Nullable String value) {
		if (value != null && !PROGRESS_MODES.contains(value.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("--progress=" + value + ": must be auto, bar or log");
		}
	}

	private static int limit(@Nullable String value) {
		if (value == null) {
			return DEFAULT_HISTORY_LIMIT;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("--limit=" + value + ": must be a positive whole number");
	}

	private static String example(String name) {
		return switch (name) {
			case "job" -> "jobs/<name>.yml";
			case "from", "to" -> "2026-03";
			case "run-date" -> "2026-03-14";
			case "limit" -> "20";
			case "progress" -> "auto|bar|log";
			default -> "VALUE";
		};
	}

	private static Map<String, Boolean> options() {
		Map<String, Boolean> options = new LinkedHashMap<>();
		for (String valued : List.of("job", "from", "to", "run-date", "limit", "progress")) {
			options.put(valued, true);
		}
		for (String flag : List.of("plan", "history", "restart-last-failed", "refresh", "no-delivery", "report-only",
				"help", "version", "verbose")) {
			options.put(flag, false);
		}
		return options;
	}

}
