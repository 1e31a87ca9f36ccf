package com.atlascost.reports.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The job files of this run of the application, each read and validated once: the command
 * line checks the file before anything is called, and every step of the run then uses
 * that same definition. A file changed on disk while the job runs does not change the run
 * half way; the next run reads it again.
 */
@Component
public class JobFiles {

	private final JobFileReader reader;

	private final Map<Path, JobDefinition> definitions = new ConcurrentHashMap<>();

	JobFiles(JobFileReader reader) {
		this.reader = reader;
	}

	/**
	 * The job file's definition, read on first use.
	 * @throws InvalidInputException when the file is missing or invalid (nothing is kept,
	 * so a fixed file is read again)
	 */
	public JobDefinition definition(Path file) {
		return this.definitions.computeIfAbsent(file.toAbsolutePath().normalize(),
				(absolute) -> this.reader.read(file));
	}

}
