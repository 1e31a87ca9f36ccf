package com.atlascost.reports.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * Starts a run, or resumes the last one for the same job and months when it did not
 * finish. A finished run is never resumed: launching it again is a fresh run that fetches
 * again and replaces what it stored.
 */
@Component
class CostReportLauncher {

	private static final Logger logger = LoggerFactory.getLogger(CostReportLauncher.class);

	/** How far back to look for an unfinished run of the same scope. */
	private static final int RECENT_INSTANCES = 200;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	CostReportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job costReportJob) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = costReportJob;
	}

	JobExecution launch(RunParameters run) throws Exception {
		JobExecution previous = lastExecutionOfSameScope(run);
		if (previous != null && previous.getStatus().isRunning()) {
			throw new JobExecutionAlreadyRunningException("job execution " + previous.getId() + " of '" + run.jobName()
					+ "' for " + run.range().from() + " to " + run.range().to() + " is " + previous.getStatus());
		}
		if (previous != null && isResumable(previous.getStatus())) {
			logger.info("Resuming job execution {} (status {}) of '{}' for {} to {}", previous.getId(),
					previous.getStatus(), run.jobName(), run.range().from(), run.range().to());
			return this.jobOperator.restart(previous);
		}
		long runId = (previous != null) ? previous.getJobParameters().getLong(RunParameters.RUN_ID) + 1 : 1;
		RunParameters fresh = new RunParameters(run.jobName(), run.jobFile(), run.range(), runId);
		return this.jobOperator.start(this.job, fresh.toJobParameters());
	}

	private @Nullable JobExecution lastExecutionOfSameScope(RunParameters run) {
		List<JobInstance> instances = this.jobRepository.getJobInstances(CostReportJobConfiguration.JOB_NAME, 0,
				RECENT_INSTANCES);
		for (JobInstance instance : instances) {
			JobExecution last = this.jobRepository.getLastJobExecution(instance);
			if (last != null && run.sameScopeAs(last.getJobParameters())) {
				return last;
			}
		}
		return null;
	}

	private static boolean isResumable(BatchStatus status) {
		return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
	}

}
