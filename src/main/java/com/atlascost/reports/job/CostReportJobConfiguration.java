package com.atlascost.reports.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cost report job, top to bottom: fetch the invoices, plan the queries, fetch their
 * usage, write the report, deliver it. The invoices come first because they name the
 * billing accounts: the organizations a paying organization pays for, whose usage its
 * queries cover too. An organization whose invoices fail does not stop the usage: the
 * report step fails the run, and the restart fetches the invoices again. A restart skips
 * the other steps that completed and, within the fetch step, the queries that are DONE: a
 * run that failed to deliver resumes with the delivery alone, which skips what it had
 * already sent.
 */
@Configuration(proxyBeanMethods = false)
public class CostReportJobConfiguration {

	public static final String JOB_NAME = "costReport";

	@Bean
	Job costReportJob(JobRepository jobRepository, Step invoiceStep, Step planStep, Step fetchStep, Step reportStep,
			Step deliverStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(invoiceStep)
			.next(planStep)
			.next(fetchStep)
			.next(reportStep)
			.next(deliverStep)
			.build();
	}

	@Bean
	Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlanTasklet tasklet) {
		return new StepBuilder("plan", jobRepository).tasklet(tasklet, transactionManager).build();
	}

	@Bean
	Step fetchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, FetchTasklet tasklet) {
		return new StepBuilder("fetch", jobRepository).tasklet(tasklet, transactionManager).build();
	}

	@Bean
	Step invoiceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InvoiceTasklet tasklet) {
		// runs again on a restart: an attempt whose invoices failed fetches them again
		return new StepBuilder("invoices", jobRepository).tasklet(tasklet, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportTasklet tasklet) {
		return new StepBuilder("report", jobRepository).tasklet(tasklet, transactionManager).build();
	}

	@Bean
	Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliverTasklet tasklet) {
		return new StepBuilder("deliver", jobRepository).tasklet(tasklet, transactionManager).build();
	}

}
