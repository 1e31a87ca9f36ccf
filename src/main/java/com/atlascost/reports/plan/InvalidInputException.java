package com.atlascost.reports.plan;

import java.util.List;

/**
 * Input that cannot be run: a job file or a command-line value. Each problem is one line
 * naming where (file and field, or option), the value and the rule it breaks.
 */
public class InvalidInputException extends RuntimeException {

	private final List<String> problems;

	public InvalidInputException(List<String> problems) {
		super(String.join(System.lineSeparator(), problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String problem) {
		this(List.of(problem));
	}

	public List<String> problems() {
		return this.problems;
	}

}
