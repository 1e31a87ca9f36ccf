package com.atlascost.reports.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.job.RunContext;
import com.atlascost.reports.job.RunParameters;
import com.atlascost.reports.notify.DeliveryPreflight;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.MonthRange;
import com.atlascost.reports.run.CostReportLauncher;
import com.atlascost.reports.run.LaunchOutcome;
import com.atlascost.reports.run.NewDatabaseFile;
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

	private final JobFiles jobFiles;

	private final ObjectProvider<AtlasConnection> connection;

	private final CostReportLauncher launcher;

	private final RunHistory history;

	private final Clock clock;

	private final PlanPreview planPreview;

	private final RunSummaries summaries;

	private final DeliveryPreflight deliveryPreflight;

	private final SettingsPreflight settingsPreflight;

	private final NewDatabaseFile newDatabaseFile;

	private ExitCode exitCode = ExitCode.DONE;

	/** What {@code --help} or {@code --version} printed: then nothing else is logged. */
	private @Nullable String printedOnly;

	CostReportRunner(JobFiles jobFiles, ObjectProvider<AtlasConnection> connection, CostReportLauncher launcher,
			RunHistory history, Clock clock, PlanPreview planPreview, RunSummaries summaries,
			DeliveryPreflight deliveryPreflight, SettingsPreflight settingsPreflight, NewDatabaseFile newDatabaseFile) {
		this.newDatabaseFile = newDatabaseFile;
		this.deliveryPreflight = deliveryPreflight;
		this.settingsPreflight = settingsPreflight;
		this.planPreview = planPreview;
		this.summaries = summaries;
		this.jobFiles = jobFiles;
		this.connection = connection;
		this.launcher = launcher;
		this.history = history;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = command(args.getSourceArgs());
		if (this.printedOnly == null) {
			logger.info("Exit code {}: {}", this.exitCode.code(), this.exitCode.meaning());
		}
	}

	private ExitCode command(String[] args) {
		try {
			CommandLineOptions options = CommandLineOptions.parse(args);
			switch (options.command()) {
				case HELP -> {
					print(HelpText.TEXT);
					return ExitCode.DONE;
				}
				case VERSION -> {
					print(ImmediateAnswer.version() + "\n");
					return ExitCode.DONE;
				}
				case HISTORY -> {
					return printHistory(options);
				}
				case RESTART_LAST_FAILED -> {
					JobDefinition job = jobDefinition(options);
					requireCredentials();
					this.settingsPreflight.check();
					this.deliveryPreflight.check(job);
					return launched(() -> this.launcher.restartLastFailed(job.name()));
				}
				default -> {
					JobDefinition job = jobDefinition(options);
					RunParameters run = runParameters(job, options);
					if (!options.reportOnly()) {
						// a report rebuilt from the database calls Atlas for nothing
						requireCredentials();
					}
					if (options.command() != CommandLineOptions.Command.PLAN) {
						this.settingsPreflight.check();
					}
					if (!options.noDelivery()) {
						this.deliveryPreflight.check(job);
					}
					if (options.command() == CommandLineOptions.Command.PLAN) {
						this.planPreview.print(job, run, System.out);
						return ExitCode.DONE;
					}
					return launched(() -> this.launcher.launch(run));
				}
			}
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> logger.error("Invalid input: {}", problem));
			// exit 2 writes nothing: not even the database file the start created
			this.newDatabaseFile.discard();
			return ExitCode.INVALID_INPUT;
		}
	}

	private void print(String text) {
		System.out.print(text);
		System.out.flush();
		this.printedOnly = text;
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
		catch (InvalidInputException ex) {
			// a report to rebuild from the database whose data is not all stored: exit 2
			throw ex;
		}
		catch (Exception ex) {
			logger.error("The job could not be launched: {}", ex.toString(), ex);
			return ExitCode.FAILED;
		}
	}

	private ExitCode printHistory(CommandLineOptions options) {
		@Nullable String jobName = (options.job() != null) ? jobDefinition(options).name() : null;
		List<RunHistory.Entry> entries = this.history.recent(jobName, options.historyLimit());
		System.out.println("Recent runs" + ((jobName != null) ? " of '" + jobName + "'" : "") + ", newest first ("
				+ entries.size() + "):");
		entries.forEach((entry) -> entry.lines().forEach(System.out::println));
		return ExitCode.DONE;
	}

	private JobDefinition jobDefinition(CommandLineOptions options) {
		return this.jobFiles.definition(Objects.requireNonNull(options.job(), "the options require --job"));
	}

	private RunParameters runParameters(JobDefinition job, CommandLineOptions options) {
		MonthRange range = MonthRange.resolve(options.from(), options.to(), job.lookbackMonths(),
				YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		// the nightly identity: today in UTC unless the caller names the day
		LocalDate runDate = Objects.requireNonNullElseGet(options.runDate(),
				() -> LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		return new RunParameters(job.name(), job.source(), range, runDate, 0, options.refresh(), options.noDelivery(),
				options.reportOnly(), 0);
	}

	private void requireCredentials() {
		if (this.connection.getObject().credentials().isEmpty()) {
			throw new InvalidInputException("No Atlas credentials: set MONGODB_ATLAS_CLIENT_ID and"
					+ " MONGODB_ATLAS_CLIENT_SECRET (service account) or MONGODB_ATLAS_PUBLIC_API_KEY and"
					+ " MONGODB_ATLAS_PRIVATE_API_KEY (API key), or use --sandbox");
		}
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
