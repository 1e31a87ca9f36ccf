package com.atlascost.reports.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.job.CostReportJobConfiguration;
import com.atlascost.reports.job.RunParameters;
import com.atlascost.reports.job.StoredRun;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a run, resumes one that did not finish, or says there is nothing to do, always
 * under the job's {@link JobRunLock}:
 * <ul>
 * <li>another run of the same job holds the lock:
 * {@link JobExecutionAlreadyRunningException} (exit 3), nothing touched;</li>
 * <li>an execution of the job still marked running although nobody holds the lock was
 * killed: it is marked FAILED ({@link JobOperator#recover}) so that it can be
 * restarted;</li>
 * <li>the last run of the same job, months and run date FAILED or was STOPPED: it is
 * restarted (same job instance; DONE queries are skipped, saved tokens polled), unless
 * {@code --refresh} or {@code --report-only} asks for a fresh run;</li>
 * <li>it COMPLETED: a fresh run rebuilds its report from the database ({@link StoredRun}:
 * other options, such as the locale or the reports directory, may have changed), unless
 * {@code --refresh} asks to fetch everything again;</li>
 * <li>otherwise a fresh job instance starts.</li>
 * </ul>
 * A run that rebuilds its report from the database is refused (exit 2) before it starts
 * when something of its range is not stored.
 */
@Component
public class CostReportLauncher {

	private static final Logger logger = LoggerFactory.getLogger(CostReportLauncher.class);

	/** How far back to look for earlier runs. */
	private static final int RECENT_INSTANCES = 500;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final JobRunLock lock;

	private final StoredRun storedRun;

	CostReportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job costReportJob, JobRunLock lock,
			StoredRun storedRun) {
		this.storedRun = storedRun;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = costReportJob;
		this.lock = lock;
	}

	public LaunchOutcome launch(RunParameters run) throws Exception {
		try (JobRunLock.Held held = acquire(run.jobName())) {
			recoverKilledExecutions(run.jobName());
			JobExecution previous = lastExecutionOfSameScope(run);
			if (previous != null && isResumable(previous.getStatus()) && !run.refresh() && !run.reportOnly()) {
				logger.info("Resuming job execution {} (status {}) of {}", previous.getId(), previous.getStatus(),
						run.describe());
				try (StopNotice notice = StopNotice.during(run.describe())) {
					return new LaunchOutcome.Ran(this.jobOperator.restart(previous));
				}
			}
			RunParameters fresh = run;
			if (previous != null && previous.getStatus() == BatchStatus.COMPLETED && !run.refresh()) {
				logger.info(
						"Job execution {} of {} already completed at {}: its report is rebuilt from the database;"
								+ " pass --refresh to fetch again",
						previous.getId(), run.describe(), previous.getEndTime());
				// the report mail of the run first mailed, when the previous one rebuilt
				// it too
				long mailedAs = RunParameters.from(previous.getJobParameters()).mailedAs();
				fresh = run.rebuilding((mailedAs != 0) ? mailedAs : previous.getJobInstanceId());
			}
			if (fresh.reportOnly()) {
				// refused here, before a job instance is recorded, if anything is missing
				this.storedRun.requireStored(fresh);
			}
			long runId = (previous != null) ? RunParameters.runId(previous.getJobParameters()) + 1 : 1;
			try (StopNotice notice = StopNotice.during(run.describe())) {
				return new LaunchOutcome.Ran(
						this.jobOperator.start(this.job, fresh.withRunId(runId).toJobParameters()));
			}
		}
	}

	/** Restarts the most recent execution of the job that FAILED or was STOPPED. */
	public LaunchOutcome restartLastFailed(String jobName) throws Exception {
		try (JobRunLock.Held held = acquire(jobName)) {
			recoverKilledExecutions(jobName);
			for (JobInstance instance : recentInstances()) {
				JobExecution last = this.jobRepository.getLastJobExecution(instance);
				if (last != null && jobName.equals(last.getJobParameters().getString(RunParameters.JOB_NAME))
						&& isResumable(last.getStatus())) {
					RunParameters run = RunParameters.from(last.getJobParameters());
					logger.info("Restarting job execution {} (status {}) of {}", last.getId(), last.getStatus(),
							run.describe());
					try (StopNotice notice = StopNotice.during(run.describe())) {
						return new LaunchOutcome.Ran(this.jobOperator.restart(last));
					}
				}
			}
			return new LaunchOutcome.NothingToDo("job '" + jobName + "' has no failed execution to restart");
		}
	}

	private JobRunLock.Held acquire(String jobName) throws JobExecutionAlreadyRunningException {
		Optional<JobRunLock.Held> held = this.lock.tryAcquire(jobName);
		if (held.isEmpty()) {
			throw new JobExecutionAlreadyRunningException(runningDescription(jobName));
		}
		return held.get();
	}

	private String runningDescription(String jobName) {
		String running = runningExecutions(jobName).stream()
			.sorted(Comparator.comparing(JobExecution::getId))
			.map((execution) -> "job execution " + execution.getId() + " of "
					+ RunParameters.from(execution.getJobParameters()).describe() + " is " + execution.getStatus()
					+ " since " + execution.getStartTime())
			.collect(Collectors.joining("; "));
		return "job '" + jobName + "' is already running in another process"
				+ (running.isEmpty() ? "" : ": " + running);
	}

	/**
	 * With the lock held no other run of the job is alive, so an execution still marked
	 * running belongs to a process that was killed.
	 */
	private void recoverKilledExecutions(String jobName) {
		for (JobExecution orphan : runningExecutions(jobName)) {
			JobExecution full = this.jobRepository.getJobExecution(orphan.getId());
			logger.warn("Job execution {} is marked {} but its process is gone (killed?); marking it FAILED so that"
					+ " it can be restarted", orphan.getId(), orphan.getStatus());
			this.jobOperator.recover((full != null) ? full : orphan);
		}
	}

	private List<JobExecution> runningExecutions(String jobName) {
		return this.jobRepository.findRunningJobExecutions(CostReportJobConfiguration.JOB_NAME)
			.stream()
			.filter((execution) -> jobName.equals(execution.getJobParameters().getString(RunParameters.JOB_NAME)))
			.toList();
	}

	private @Nullable JobExecution lastExecutionOfSameScope(RunParameters run) {
		for (JobInstance instance : recentInstances()) {
			JobExecution last = this.jobRepository.getLastJobExecution(instance);
			if (last != null && run.sameScopeAs(last.getJobParameters())) {
				return last;
			}
		}
		return null;
	}

	/** Newest first. */
	private List<JobInstance> recentInstances() {
		return this.jobRepository.getJobInstances(CostReportJobConfiguration.JOB_NAME, 0, RECENT_INSTANCES);
	}

	private static boolean isResumable(BatchStatus status) {
		return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
	}

}
