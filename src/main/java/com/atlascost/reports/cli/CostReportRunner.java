package com.atlascost.reports.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.job.RunContext;
import com.atlascost.reports.job.RunParameters;
import com.atlascost.reports.notify.DeliveryPreflight;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFileReader;
import com.atlascost.reports.plan.MonthRange;
import com.atlascost.reports.run.CostReportLauncher;
import com.atlascost.reports.run.LaunchOutcome;
import com.atlascost.reports.run.RunHistory;
import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.summary.RunSummaries;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command line: validates everything it can before anything is called or written,
 * runs or resumes the job, prints a summary and sets the process exit code. Two
 * operations commands share it: {@code --history} lists recent runs and
 * {@code --restart-last-failed} restarts the last failed run of {@code --job};
 * {@code --help} prints the usage and {@code --plan} what a run would do, calling and
 * writing nothing.
 */
@Component
class CostReportRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(CostReportRunner.class);

	private static final int DEFAULT_HISTORY_LIMIT = 20;

	private final Environment environment;

	private final JobFileReader reader;

	private final ObjectProvider<AtlasConnection> connection;

	private final CostReportLauncher launcher;

	private final RunHistory history;

	private final Clock clock;

	private final PlanPreview planPreview;

	private final RunSummaries summaries;

	private final DeliveryPreflight deliveryPreflight;

	private final SettingsPreflight settingsPreflight;

	private ExitCode exitCode = ExitCode.DONE;

	CostReportRunner(Environment environment, JobFileReader reader, ObjectProvider<AtlasConnection> connection,
			CostReportLauncher launcher, RunHistory history, Clock clock, PlanPreview planPreview,
			RunSummaries summaries, DeliveryPreflight deliveryPreflight, SettingsPreflight settingsPreflight) {
		this.deliveryPreflight = deliveryPreflight;
		this.settingsPreflight = settingsPreflight;
		this.planPreview = planPreview;
		this.summaries = summaries;
		this.environment = environment;
		this.reader = reader;
		this.connection = connection;
		this.launcher = launcher;
		this.history = history;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (OperatorEnvironment.isSet(this.environment, "help")) {
			System.out.print(HelpText.TEXT);
			System.out.flush();
			return;
		}
		this.exitCode = command(args);
		logger.info("Exit code {}: {}", this.exitCode.code(), this.exitCode.meaning());
	}

	private ExitCode command(ApplicationArguments args) {
		try {
			if (args.containsOption("history")) {
				return printHistory(args);
			}
			if (args.containsOption("restart-last-failed")) {
				JobDefinition job = jobDefinition();
				String jobName = job.name();
				requireCredentials();
				this.settingsPreflight.check();
				this.deliveryPreflight.check(job);
				return launched(() -> this.launcher.restartLastFailed(jobName));
			}
			RunParameters run = validatedRun(args);
			if (OperatorEnvironment.isSet(this.environment, "plan")) {
				this.planPreview.print(this.reader.read(run.jobFile()), run, System.out);
				return ExitCode.DONE;
			}
			return launched(() -> this.launcher.launch(run));
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> logger.error("Invalid input: {}", problem));
			return ExitCode.INVALID_INPUT;
		}
	}

	private ExitCode launched(Launch launch) {
		try {
			LaunchOutcome outcome = launch.run();
			if (outcome instanceof LaunchOutcome.NothingToDo nothing) {
				logger.info("Nothing to do: {}", nothing.reason());
				return ExitCode.DONE;
			}
			JobExecution execution = ((LaunchOutcome.Ran) outcome).execution();
			ExitCode ended = (execution.getStatus() == BatchStatus.COMPLETED) ? ExitCode.DONE : ExitCode.FAILED;
			summarize(execution);
			return ended;
		}
		catch (JobExecutionAlreadyRunningException ex) {
			logger.error("Not started: {}", ex.getMessage());
			return ExitCode.ALREADY_RUNNING;
		}
		catch (Exception ex) {
			logger.error("The job could not be launched: {}", ex.toString(), ex);
			return ExitCode.FAILED;
		}
	}

	private ExitCode printHistory(ApplicationArguments args) {
		@Nullable String jobName = (this.environment.getProperty("job") != null) ? jobDefinition().name() : null;
		int limit = positive("limit", single(args, "limit"), DEFAULT_HISTORY_LIMIT);
		List<RunHistory.Entry> entries = this.history.recent(jobName, limit);
		System.out.println("Recent runs" + ((jobName != null) ? " of '" + jobName + "'" : "") + ", newest first ("
				+ entries.size() + "):");
		entries.forEach((entry) -> entry.lines().forEach(System.out::println));
		return ExitCode.DONE;
	}

	private JobDefinition jobDefinition() {
		String jobOption = this.environment.getProperty("job");
		if (jobOption == null || jobOption.isBlank()) {
			throw new InvalidInputException("--job is required: --job=jobs/<name>.yml");
		}
		return this.reader.read(Path.of(jobOption).normalize());
	}

	private RunParameters validatedRun(ApplicationArguments args) {
		JobDefinition job = jobDefinition();
		MonthRange range = MonthRange.resolve(this.environment.getProperty("from"), this.environment.getProperty("to"),
				job.lookbackMonths(), YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		LocalDate runDate = runDate(single(args, "run-date"));
		requireCredentials();
		if (!OperatorEnvironment.isSet(this.environment, "plan")) {
			this.settingsPreflight.check();
		}
		boolean noDelivery = OperatorEnvironment.isSet(this.environment, "no-delivery");
		if (!noDelivery) {
			this.deliveryPreflight.check(job);
		}
		return new RunParameters(job.name(), job.source(), range, runDate, 0, args.containsOption("refresh"),
				noDelivery);
	}

	/** The nightly identity: today in UTC unless the caller names the day. */
	private LocalDate runDate(@Nullable String option) {
		if (option == null) {
			return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		}
		try {
			return LocalDate.parse(option);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("--run-date=" + option + ": not a date; use YYYY-MM-DD, e.g. 2026-03-14");
		}
	}

	private void requireCredentials() {
		if (this.connection.getObject().credentials().isEmpty()) {
			throw new InvalidInputException("No Atlas credentials: set MONGODB_ATLAS_CLIENT_ID and"
					+ " MONGODB_ATLAS_CLIENT_SECRET (service account) or MONGODB_ATLAS_PUBLIC_API_KEY and"
					+ " MONGODB_ATLAS_PRIVATE_API_KEY (API key), or use --sandbox");
		}
	}

	private static @Nullable String single(ApplicationArguments args, String option) {
		List<String> values = args.getOptionValues(option);
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

	private static int positive(String option, @Nullable String value, int fallback) {
		if (value == null) {
			return fallback;
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
		throw new InvalidInputException("--" + option + "=" + value + ": must be a positive whole number");
	}

	private void summarize(JobExecution execution) {
		Duration took = (execution.getStartTime() != null && execution.getEndTime() != null)
				? Duration.between(execution.getStartTime(), execution.getEndTime()) : Duration.ZERO;
		logger.info("Run summary: job execution {} {} in {}s", execution.getId(), execution.getStatus(),
				took.toSeconds());
		this.summaries.summarize(RunContext.facts(execution), took)
			.lines()
			.forEach((line) -> logger.info("  {}", line));
		execution.getAllFailureExceptions().forEach((failure) -> logger.error("Failure: {}", failure.getMessage()));
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

	/** A launch that may be refused because the job is already running. */
	@FunctionalInterface
	private interface Launch {

		LaunchOutcome run() throws Exception;

	}

}
