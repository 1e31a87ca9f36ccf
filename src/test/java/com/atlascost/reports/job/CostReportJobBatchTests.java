package com.atlascost.reports.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.plan.JobFileReader;
import com.atlascost.reports.plan.MonthRange;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The Batch job through Spring Batch's own test utilities, against the sandbox: the whole
 * job, and a step on its own. The command line only lists the (empty) history here; the
 * test launches the job itself.
 */
@SpringBatchTest
@SpringBootTest(args = { "--sandbox", "--history", "--sandbox.processing-delay=30ms" })
class CostReportJobBatchTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@TempDir
	static Path dir;

	@Autowired
	JobOperatorTestUtils jobs;

	@MockitoSpyBean
	JobFileReader reader;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.h2().url(dir));
		registry.add("reports.dir", () -> dir.resolve("reports").toString());
	}

	@Test
	void theJobFileIsReadOnceForTheWholeJobAndAStepOnItsOwn() throws Exception {
		JobExecution execution = this.jobs.startJob(parameters(1).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly("invoices", "plan", "fetch", "report", "deliver");
		verify(this.reader, times(1)).read(any());
		assertThat(RunContext.queryIds(execution.getExecutionContext())).as("plan: 2 orgs x 2 groupings + 2 bills")
			.hasSize(6);

		JobExecution planOnly = this.jobs.startStep("plan", parameters(2).toJobParameters(), new ExecutionContext());
		assertThat(planOnly.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(RunContext.queryIds(planOnly.getExecutionContext())).hasSize(6);
		assertThat(RunContext.billIds(planOnly.getExecutionContext())).hasSize(2);
		verify(this.reader, times(1).description("the same process does not read the same file again")).read(any());
	}

	private static RunParameters parameters(long runId) {
		return new RunParameters("sandbox-demo", Path.of("jobs/sandbox.yml"), new MonthRange(NOW, NOW),
				LocalDate.now(ZoneOffset.UTC), runId, false, true, false, 0);
	}

}
