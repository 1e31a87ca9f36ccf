package com.atlascost.reports.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose process died in its report step leaves its execution marked running; the
 * same command, in this JVM, finds it under the run lock, marks it FAILED and resumes it
 * with what is left, asking Atlas nothing again. (The kill itself is in
 * {@code CrashRestartFunctionalTests}, in JVMs of their own.)
 */
@ExtendWith(OutputCaptureExtension.class)
class RecoveryFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void anExecutionLeftRunningIsMarkedFailedAndResumedByTheSameCommand(CapturedOutput output) throws Exception {
		String[] command = { "--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW, "--to=" + NOW };
		assertThat(SandboxRun.of(this.dir, command).exitCode()).isZero();
		try (Connection connection = TestDatabase.h2().connect(this.dir);
				Statement statement = connection.createStatement()) {
			// what a kill -9 in the report step leaves behind
			statement.executeUpdate(
					"UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN'," + " END_TIME = NULL");
			statement.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING',"
					+ " END_TIME = NULL WHERE STEP_NAME = 'report'");
			statement.executeUpdate("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN"
					+ " (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'deliver')");
			statement.executeUpdate("DELETE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'deliver'");
		}

		SandboxRun resumed = SandboxRun.of(this.dir, command);

		assertThat(resumed.exitCode()).isZero();
		assertThat(output.getAll()).contains("is marked STARTED but its process is gone (killed?); marking it FAILED")
			.contains("Resuming job execution 1");
		assertThat(resumed.counters().creates()).as("the fetched queries are not asked again").isZero();
		assertThat(TestDatabase.h2()
			.at(this.dir)
			.rows("SELECT JOB_EXECUTION_ID || ' ' || STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
			.as("the one left running recovered as FAILED, its restart completed")
			.containsExactly("1 FAILED", "2 COMPLETED");
	}

}
