package com.atlascost.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.atlascost.reports.testsupport.SandboxRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exit 2 writes nothing, the H2 database file included: the application's start
 * creates and migrates it before the command line can validate, so a run that then finds
 * invalid input must not leave it behind. A database that existed before stays.
 */
class InvalidInputLeavesNoFileFunctionalTests {

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "alias bomb", "10 MB job file", "reports.dir on a file", "from after to", "1975 range" })
	void exitTwoLeavesNothingInAFreshDirectory(String kind) throws IOException {
		Path job = this.dir.resolve("job.yml");
		Files.writeString(job, "name: t\ngroupBy: [services]\norganizations:\n  - id: " + ORG + "\n");
		String[] args = switch (kind) {
			case "alias bomb" -> {
				Files.writeString(job, aliasBomb());
				yield new String[] { "--job=" + job, "--sandbox" };
			}
			case "10 MB job file" -> {
				Files.writeString(job, "name: t\n# " + "x".repeat(10 * 1024 * 1024) + "\n");
				yield new String[] { "--job=" + job, "--sandbox" };
			}
			case "reports.dir on a file" -> {
				Path file = Files.writeString(this.dir.resolve("a-file"), "not a directory");
				yield new String[] { "--job=" + job, "--sandbox", "--reports.dir=" + file };
			}
			case "from after to" -> new String[] { "--job=" + job, "--sandbox", "--from=2026-05", "--to=2026-04" };
			default -> new String[] { "--job=" + job, "--sandbox", "--from=1975-01", "--to=1975-03" };
		};
		List<Path> before = files();
		SandboxRun run = SandboxRun.of(this.dir, args);
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(files()).isEqualTo(before);
		assertThat(this.dir.resolve("data")).doesNotExist();
		assertThat(this.dir.resolve("reports")).doesNotExist();
	}

	@Test
	void exitTwoKeepsADatabaseThatExistedBefore() throws IOException, SQLException {
		Path job = this.dir.resolve("job.yml");
		Files.writeString(job, "name: t\ngroupBy: [services]\norganizations:\n  - id: " + ORG + "\n");
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(this.dir), "sa", "");
				Statement statement = connection.createStatement()) {
			// an empty database, as an operator's first run leaves one the next run
			// migrates
			statement.execute("SELECT 1");
		}
		Path database = this.dir.resolve("data").resolve("atlas-cost-reports.mv.db");
		assertThat(database).isRegularFile();
		SandboxRun run = SandboxRun.of(this.dir, "--job=" + job, "--sandbox", "--from=2026-05", "--to=2026-04");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(database).isRegularFile();
		assertThat(SandboxRun.column(this.dir, "SELECT COUNT(*) FROM \"flyway_schema_history\""))
			.isNotEqualTo(List.of("0"));
	}

	/** Nine levels of ten aliases each: a billion strings if expanded. */
	private static String aliasBomb() {
		StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\"]\n");
		for (int level = 1; level <= 9; level++) {
			String previous = "*a" + (level - 1);
			yaml.append("a").append(level).append(": &a").append(level).append(" [");
			yaml.append(String.join(", ", Collections.nCopies(10, previous))).append("]\n");
		}
		return yaml.append("name: t\n").toString();
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(this.dir)) {
			return walk.map(this.dir::relativize).sorted().toList();
		}
	}

}
