package com.atlascost.reports.job;

import java.nio.file.Path;
import java.time.YearMonth;

import com.atlascost.reports.plan.MonthRange;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of a run. The job name and the month range identify a job instance,
 * with a run id that is new for each fresh run; the job file's path is carried along
 * without identifying. Credentials never become parameters.
 */
record RunParameters(String jobName, Path jobFile, MonthRange range, long runId) {

	static final String JOB_NAME = "job.name";

	static final String JOB_FILE = "job.file";

	static final String FROM = "from";

	static final String TO = "to";

	static final String RUN_ID = "run.id";

	JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(JOB_NAME, this.jobName)
			.addString(FROM, this.range.from().toString())
			.addString(TO, this.range.to().toString())
			.addLong(RUN_ID, this.runId)
			.addString(JOB_FILE, this.jobFile.toString(), false)
			.toJobParameters();
	}

	static RunParameters from(JobParameters parameters) {
		return new RunParameters(parameters.getString(JOB_NAME), Path.of(parameters.getString(JOB_FILE)),
				new MonthRange(YearMonth.parse(parameters.getString(FROM)), YearMonth.parse(parameters.getString(TO))),
				parameters.getLong(RUN_ID));
	}

	/** Whether another run was for the same job and months (whatever its run id). */
	boolean sameScopeAs(JobParameters other) {
		return this.jobName.equals(other.getString(JOB_NAME))
				&& this.range.from().toString().equals(other.getString(FROM))
				&& this.range.to().toString().equals(other.getString(TO));
	}

}
