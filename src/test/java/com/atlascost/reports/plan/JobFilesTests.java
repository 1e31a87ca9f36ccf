package com.atlascost.reports.plan;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobFilesTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final JobFiles jobFiles = new JobFiles(new JobFileReader(validation.getValidator()));

	@TempDir
	Path dir;

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void aJobFileIsReadOnceForTheWholeRunUnderAnyOfItsNames() throws Exception {
		Path file = this.dir.resolve("finance.yml");
		Files.writeString(file, job("finance"));
		JobDefinition first = this.jobFiles.definition(file);
		Files.writeString(file, job("changed-on-disk"));
		assertThat(this.jobFiles.definition(file)).isSameAs(first);
		assertThat(this.jobFiles.definition(this.dir.resolve("sub").resolve("..").resolve("finance.yml")))
			.isSameAs(first);
		assertThat(first.name()).isEqualTo("finance");
		assertThat(new JobFiles(new JobFileReader(validation.getValidator())).definition(file).name())
			.as("the next run reads it again")
			.isEqualTo("changed-on-disk");
	}

	@Test
	void anInvalidFileIsNotKeptSoTheFixedFileIsRead() throws Exception {
		Path file = this.dir.resolve("broken.yml");
		Files.writeString(file, "name: broken\norganizations: []\n");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.jobFiles.definition(file));
		Files.writeString(file, job("fixed"));
		assertThat(this.jobFiles.definition(file).name()).isEqualTo("fixed");
	}

	private static String job(String name) {
		return """
				name: %s
				groupBy: [services]
				organizations:
				  - id: 5f0c2a3b4d5e6f7081920a1b
				""".formatted(name);
	}

}
