package com.atlascost.reports.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.MonthRange;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of a run. The job name, the month range and the run date identify a
 * job instance, so that each night is a new instance while a relaunch the same day is the
 * same one; the run id tells apart fresh runs of one day ({@code --refresh}, or a report
 * rebuilt from the database). The job file's path and the flags are carried along without
 * identifying. Credentials never become parameters.
 *
 * @param reportOnly the report is rebuilt from what the database holds, calling Atlas for
 * nothing ({@code --report-only}, or a rerun of a completed run)
 * @param mailedAs the job instance whose report mail this run's report mail is: the
 * earlier run of the same scope when this one rebuilds its report (its recipients are not
 * mailed the same report twice), 0 for the run's own instance
 */
public record RunParameters(String jobName, Path jobFile, MonthRange range, LocalDate runDate, long runId,
		boolean refresh, boolean noDelivery, boolean reportOnly, long mailedAs) {

	public static final String JOB_NAME = "job.name";

	public static final String JOB_FILE = "job.file";

	public static final String FROM = "from";

	public static final String TO = "to";

	public static final String RUN_DATE = "run.date";

	public static final String RUN_ID = "run.id";

	public static final String REFRESH = "refresh";

	/**
	 * Present only with {@code --no-delivery}, so other runs' parameters read as before.
	 */
	public static final String NO_DELIVERY = "no-delivery";

	/** Present only on a run that rebuilds its report from the database. */
	public static final String REPORT_ONLY = "report-only";

	/** Present only when the report mail is that of an earlier job instance. */
	public static final String MAILED_AS = "mailed-as";

	public JobParameters toJobParameters() {
		JobParametersBuilder parameters = new JobParametersBuilder().addString(JOB_NAME, this.jobName)
			.addString(FROM, this.range.from().toString())
			.addString(TO, this.range.to().toString())
			.addString(RUN_DATE, this.runDate.toString())
			.addLong(RUN_ID, this.runId)
			.addString(JOB_FILE, this.jobFile.toString(), false)
			.addString(REFRESH, Boolean.toString(this.refresh), false);
		if (this.noDelivery) {
			parameters.addString(NO_DELIVERY, "true", false);
		}
		if (this.reportOnly) {
			parameters.addString(REPORT_ONLY, "true", false);
		}
		if (this.mailedAs != 0) {
			parameters.addLong(MAILED_AS, this.mailedAs, false);
		}
		return parameters.toJobParameters();
	}

	public static RunParameters from(JobParameters parameters) {
		return new RunParameters(required(parameters, JOB_NAME), Path.of(required(parameters, JOB_FILE)),
				new MonthRange(YearMonth.parse(required(parameters, FROM)), YearMonth.parse(required(parameters, TO))),
				LocalDate.parse(required(parameters, RUN_DATE)), runId(parameters),
				Boolean.parseBoolean(parameters.getString(REFRESH)),
				Boolean.parseBoolean(parameters.getString(NO_DELIVERY)),
				Boolean.parseBoolean(parameters.getString(REPORT_ONLY)), longOrZero(parameters, MAILED_AS));
	}

	public RunParameters withRunId(long runId) {
		return new RunParameters(this.jobName, this.jobFile, this.range, this.runDate, runId, this.refresh,
				this.noDelivery, this.reportOnly, this.mailedAs);
	}

	/**
	 * This run rebuilding the report of {@code earlier}, a job instance of the same scope
	 * (0: none), from the database.
	 */
	public RunParameters rebuilding(long earlier) {
		return new RunParameters(this.jobName, this.jobFile, this.range, this.runDate, this.runId, this.refresh,
				this.noDelivery, true, earlier);
	}

	/**
	 * Whether another run was for the same job, months and run date, whatever its run id.
	 */
	public boolean sameScopeAs(JobParameters other) {
		return this.jobName.equals(other.getString(JOB_NAME))
				&& this.range.from().toString().equals(other.getString(FROM))
				&& this.range.to().toString().equals(other.getString(TO))
				&& this.runDate.toString().equals(other.getString(RUN_DATE));
	}

	/** "sandbox-demo 2026-01..2026-03 (run date 2026-03-14)": for messages. */
	public String describe() {
		return "'" + this.jobName + "' for " + this.range.from() + " to " + this.range.to() + " (run date "
				+ this.runDate + ")";
	}

	public static long runId(JobParameters parameters) {
		return longOrZero(parameters, RUN_ID);
	}

	private static long longOrZero(JobParameters parameters, String name) {
		Long value = parameters.getLong(name);
		return (value != null) ? value : 0;
	}

	private static String required(JobParameters parameters, String name) {
		@Nullable String value = parameters.getString(name);
		if (value == null) {
			throw new IllegalStateException("job parameter '" + name + "' is missing");
		}
		return value;
	}

}
