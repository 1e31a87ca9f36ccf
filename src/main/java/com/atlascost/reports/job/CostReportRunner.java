package com.atlascost.reports.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.plan.InvalidInputException;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFileReader;
import com.atlascost.reports.plan.MonthRange;

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
 * runs or resumes the job, prints a summary and sets the process exit code.
 */
@Component
class CostReportRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(CostReportRunner.class);

	private final Environment environment;

	private final JobFileReader reader;

	private final ObjectProvider<AtlasConnection> connection;

	private final CostReportLauncher launcher;

	private final Clock clock;

	private final PlanPreview planPreview;

	private final RunSummaries summaries;

	private ExitCode exitCode = ExitCode.DONE;

	CostReportRunner(Environment environment, JobFileReader reader, ObjectProvider<AtlasConnection> connection,
			CostReportLauncher launcher, Clock clock, PlanPreview planPreview, RunSummaries summaries) {
		this.planPreview = planPreview;
		this.summaries = summaries;
		this.environment = environment;
		this.reader = reader;
		this.connection = connection;
		this.launcher = launcher;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (OperatorEnvironment.isSet(this.environment, "help")) {
			System.out.print(HelpText.TEXT);
			System.out.flush();
			return;
		}
		this.exitCode = runJob();
		logger.info("Exit code {}: {}", this.exitCode.code(), this.exitCode.meaning());
	}

	private ExitCode runJob() {
		RunParameters run;
		try {
			run = validatedRun();
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> logger.error("Invalid input: {}", problem));
			return ExitCode.INVALID_INPUT;
		}
		if (OperatorEnvironment.isSet(this.environment, "plan")) {
			this.planPreview.print(this.reader.read(run.jobFile()), run, System.out);
			return ExitCode.DONE;
		}
		try {
			JobExecution execution = this.launcher.launch(run);
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

	private RunParameters validatedRun() {
		String jobOption = this.environment.getProperty("job");
		if (jobOption == null || jobOption.isBlank()) {
			throw new InvalidInputException("--job is required: --job=jobs/<name>.yml");
		}
		Path jobFile = Path.of(jobOption).normalize();
		JobDefinition job = this.reader.read(jobFile);
		MonthRange range = MonthRange.resolve(this.environment.getProperty("from"), this.environment.getProperty("to"),
				job.lookbackMonths(), YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		if (this.connection.getObject().credentials().isEmpty()) {
			throw new InvalidInputException("No Atlas credentials: set MONGODB_ATLAS_CLIENT_ID and"
					+ " MONGODB_ATLAS_CLIENT_SECRET (service account) or MONGODB_ATLAS_PUBLIC_API_KEY and"
					+ " MONGODB_ATLAS_PRIVATE_API_KEY (API key), or use --sandbox");
		}
		return new RunParameters(job.name(), jobFile, range, 0);
	}

	private void summarize(JobExecution execution) {
		Duration took = (execution.getStartTime() != null && execution.getEndTime() != null)
				? Duration.between(execution.getStartTime(), execution.getEndTime()) : Duration.ZERO;
		logger.info("Run summary: job execution {} {} in {}s", execution.getId(), execution.getStatus(),
				took.toSeconds());
		this.summaries.summarize(execution, took).lines().forEach((line) -> logger.info("  {}", line));
		execution.getAllFailureExceptions().forEach((failure) -> logger.error("Failure: {}", failure.getMessage()));
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

}
