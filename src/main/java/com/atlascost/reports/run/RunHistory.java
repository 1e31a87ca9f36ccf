package com.atlascost.reports.run;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.atlascost.reports.job.CostReportJobConfiguration;
import com.atlascost.reports.job.RunContext;
import com.atlascost.reports.job.RunParameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/** The recent executions of the cost report job, from the job repository. */
@Component
public class RunHistory {

	/**
	 * The parameters shown, in this order: only these, so that nothing else a parameter
	 * might ever carry can reach the screen.
	 */
	private static final List<String> SHOWN_PARAMETERS = List.of(RunParameters.JOB_NAME, RunParameters.FROM,
			RunParameters.TO, RunParameters.RUN_DATE, RunParameters.RUN_ID, RunParameters.REFRESH,
			RunParameters.JOB_FILE);

	private static final int INSTANCES_SCANNED = 1000;

	private final JobRepository jobRepository;

	RunHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The most recent executions, newest first, of one job or (null) of all. */
	public List<Entry> recent(@Nullable String jobName, int limit) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(CostReportJobConfiguration.JOB_NAME, 0,
				INSTANCES_SCANNED)) {
			for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
				if (jobName == null || jobName.equals(execution.getJobParameters().getString(RunParameters.JOB_NAME))) {
					executions.add(execution);
				}
			}
		}
		return executions.stream()
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.limit(limit)
			.map(RunHistory::entry)
			.toList();
	}

	private static Entry entry(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		Map<String, String> shown = new LinkedHashMap<>();
		for (String name : SHOWN_PARAMETERS) {
			JobParameter<?> parameter = parameters.getParameter(name);
			if (parameter != null) {
				shown.put(name, String.valueOf(parameter.value()));
			}
		}
		ExecutionContext context = execution.getExecutionContext();
		return new Entry(execution.getId(), String.valueOf(parameters.getString(RunParameters.JOB_NAME)), shown,
				execution.getStatus(), zoned(execution.getStartTime()), zoned(execution.getEndTime()),
				RunContext.queryIds(context).size(), integer(context, RunContext.FETCH_DONE),
				integer(context, RunContext.FETCH_FAILED), string(context, RunContext.WORKBOOK),
				string(context, RunContext.FOCUS_CSV));
	}

	private static @Nullable Integer integer(ExecutionContext context, String key) {
		return context.containsKey(key) ? context.getInt(key) : null;
	}

	private static @Nullable String string(ExecutionContext context, String key) {
		return context.containsKey(key) ? context.getString(key) : null;
	}

	/** Spring Batch keeps local times of the JVM's zone; shown with their offset. */
	private static @Nullable OffsetDateTime zoned(@Nullable LocalDateTime time) {
		return (time != null) ? time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()).toOffsetDateTime()
				: null;
	}

	/**
	 * One execution. {@code queriesDone}/{@code queriesFailed} are null when the fetch
	 * step never finished (for example the process was killed).
	 */
	public record Entry(long executionId, String jobName, Map<String, String> parameters, BatchStatus status,
			@Nullable OffsetDateTime start, @Nullable OffsetDateTime end, int queriesPlanned,
			@Nullable Integer queriesDone, @Nullable Integer queriesFailed, @Nullable String workbook,
			@Nullable String focusCsv) {

		/** Two or three lines for a terminal. */
		public List<String> lines() {
			List<String> lines = new ArrayList<>();
			lines.add("#" + this.executionId + " " + this.jobName + " " + this.status + "  start " + orDash(this.start)
					+ "  end " + orDash(this.end) + "  queries: " + this.queriesPlanned + " planned, "
					+ orDash(this.queriesDone) + " done, " + orDash(this.queriesFailed) + " failed");
			StringBuilder parameterLine = new StringBuilder("    parameters:");
			this.parameters.forEach((name, value) -> parameterLine.append(' ').append(name).append('=').append(value));
			lines.add(parameterLine.toString());
			if (this.workbook != null) {
				lines.add("    reports: " + this.workbook + " " + orDash(this.focusCsv));
			}
			return lines;
		}

		private static String orDash(@Nullable Object value) {
			return (value != null) ? value.toString() : "-";
		}

	}

}
