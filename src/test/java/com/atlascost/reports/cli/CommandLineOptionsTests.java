package com.atlascost.reports.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.cli.CommandLineOptions.Command;
import com.atlascost.reports.plan.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandLineOptionsTests {

	@Test
	void aRunsOptionsAreParsedOnceIntoTypedValues() {
		CommandLineOptions options = CommandLineOptions.parse("--job=jobs/./finance.yml", "--from=2026-01",
				"--to=2026-03", "--run-date=2026-03-14", "--refresh", "--no-delivery", "--sandbox",
				"--atlas.base-url=http://127.0.0.1:1", "--MONGODB_ATLAS_CLIENT_ID=id", "--debug");
		assertThat(options.command()).isEqualTo(Command.RUN);
		assertThat(options.job()).isEqualTo(Path.of("jobs/finance.yml"));
		assertThat(options.from()).isEqualTo(YearMonth.of(2026, 1));
		assertThat(options.to()).isEqualTo(YearMonth.of(2026, 3));
		assertThat(options.runDate()).isEqualTo(LocalDate.of(2026, 3, 14));
		assertThat(options.refresh()).isTrue();
		assertThat(options.noDelivery()).isTrue();
	}

	@Test
	void whatIsNotGivenStaysUnsetAndSwitchesCanBeTurnedOff() {
		CommandLineOptions options = CommandLineOptions.parse("--job=jobs/sandbox.yml", "--refresh=false");
		assertThat(options.from()).isNull();
		assertThat(options.to()).isNull();
		assertThat(options.runDate()).isNull();
		assertThat(options.refresh()).isFalse();
		assertThat(options.historyLimit()).isEqualTo(20);
	}

	@Test
	void reportOnlyIsASwitchOfARunAndExcludesRefresh() {
		CommandLineOptions options = CommandLineOptions.parse("--job=jobs/sandbox.yml", "--report-only",
				"--report.locale=ja");
		assertThat(options.command()).isEqualTo(Command.RUN);
		assertThat(options.reportOnly()).isTrue();
		assertThat(CommandLineOptions.parse("--job=jobs/sandbox.yml").reportOnly()).isFalse();
		assertThat(problems("--job=j.yml", "--report-only", "--refresh"))
			.containsExactly("--report-only and --refresh: choose one; --report-only rebuilds the report from the"
					+ " database, --refresh fetches everything from Atlas again");
	}

	@Test
	void theCommandFollowsItsSwitch() {
		assertThat(CommandLineOptions.parse("--job=j.yml", "--plan").command()).isEqualTo(Command.PLAN);
		assertThat(CommandLineOptions.parse("--history", "--limit=5")).satisfies((options) -> {
			assertThat(options.command()).isEqualTo(Command.HISTORY);
			assertThat(options.job()).as("the history of every job").isNull();
			assertThat(options.historyLimit()).isEqualTo(5);
		});
		assertThat(CommandLineOptions.parse("--job=j.yml", "--restart-last-failed").command())
			.isEqualTo(Command.RESTART_LAST_FAILED);
		assertThat(CommandLineOptions.parse("--from=nonsense", "--help").command()).as("help answers anything")
			.isEqualTo(Command.HELP);
		assertThat(CommandLineOptions.parse("--version").command()).isEqualTo(Command.VERSION);
	}

	@Test
	void mistakesAreNamedWithTheOptionAndTheValue() {
		assertThat(problems("--from=2026-01")).containsExactly("--job is required: --job=jobs/<name>.yml");
		assertThat(problems("--job=j.yml", "--from=2026-3"))
			.containsExactly("--from=2026-3: not a month; use YYYY-MM, e.g. 2026-03");
		assertThat(problems("--job=j.yml", "--run-date=2026-13-01"))
			.containsExactly("--run-date=2026-13-01: not a date; use YYYY-MM-DD, e.g. 2026-03-14");
		assertThat(problems("--history", "--limit=0")).containsExactly("--limit=0: must be a positive whole number");
		assertThat(problems("--job")).containsExactly("--job needs a value: --job=jobs/<name>.yml");
		assertThat(problems("--job=j.yml", "--progress=sometimes"))
			.containsExactly("--progress=sometimes: must be auto, bar or log");
		assertThat(problems("--job=j.yml", "--form=2026-01", "--refrsh", "jobs/x.yml")).containsExactly(
				"--form: unknown option (see --help)", "--refrsh: unknown option (see --help)",
				"'jobs/x.yml': not an option; options look like --name or --name=value (see --help)");
	}

	private static java.util.List<String> problems(String... args) {
		return assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CommandLineOptions.parse(args))
			.actual()
			.problems();
	}

}
