package com.atlascost.reports.run;

import org.springframework.batch.core.job.JobExecution;

/** What a launch did: ran (or resumed) an execution, or found nothing to do. */
public sealed interface LaunchOutcome {

	/** An execution ran to its end, whatever its status. */
	record Ran(JobExecution execution) implements LaunchOutcome {
	}

	/** Nothing ran; {@code reason} says why, for the operator. */
	record NothingToDo(String reason) implements LaunchOutcome {
	}

}
