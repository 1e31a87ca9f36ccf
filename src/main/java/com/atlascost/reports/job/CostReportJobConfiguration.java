package com.atlascost.reports.job;

import java.time.Clock;

import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.atlas.ClustersApi;
import com.atlascost.reports.atlas.OrganizationsApi;
import com.atlascost.reports.forecast.ForecastStore;
import com.atlascost.reports.forecast.MonthEndForecaster;
import com.atlascost.reports.invoice.InvoiceFetcher;
import com.atlascost.reports.invoice.InvoiceStore;
import com.atlascost.reports.notify.Deliverer;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.QueryPlanner;
import com.atlascost.reports.report.ReportWriter;
import com.atlascost.reports.summary.RunSummaries;
import com.atlascost.reports.usage.DiscoveredNames;
import com.atlascost.reports.usage.FetchListeners;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.UsageFetcher;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cost report job, top to bottom: plan the queries, fetch their usage, fetch the
 * invoices, write the report, deliver it. A restart skips the steps that completed and,
 * within the fetch step, the queries that are DONE: a run that failed to deliver resumes
 * with the delivery alone, which skips what it had already sent.
 */
@Configuration(proxyBeanMethods = false)
public class CostReportJobConfiguration {

	public static final String JOB_NAME = "costReport";

	@Bean
	Job costReportJob(JobRepository jobRepository, Step planStep, Step fetchStep, Step invoiceStep, Step reportStep,
			Step deliverStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(planStep)
			.next(fetchStep)
			.next(invoiceStep)
			.next(reportStep)
			.next(deliverStep)
			.build();
	}

	@Bean
	Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles jobFiles,
			QueryPlanner planner, OrganizationsApi organizations, ClustersApi clusters, QueryStore store,
			DiscoveredNames names) {
		return new StepBuilder("plan", jobRepository)
			.tasklet(new PlanTasklet(jobFiles, planner, organizations, clusters, store, names), transactionManager)
			.build();
	}

	@Bean
	Step fetchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, UsageFetcher fetcher,
			FetchListeners listeners) {
		return new StepBuilder("fetch", jobRepository).tasklet(new FetchTasklet(fetcher, listeners), transactionManager)
			.build();
	}

	@Bean
	Step invoiceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles jobFiles,
			InvoiceFetcher fetcher) {
		return new StepBuilder("invoices", jobRepository)
			.tasklet(new InvoiceTasklet(jobFiles, fetcher), transactionManager)
			.build();
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles jobFiles,
			QueryStore store, UsageStore usage, ReportWriter writer, AtlasProperties atlas, AtlasConnection connection,
			Clock clock, RunSummaries summaries, InvoiceStore invoices, MonthEndForecaster forecaster) {
		return new StepBuilder("report", jobRepository)
			.tasklet(new ReportTasklet(jobFiles, store, usage, writer, atlas, connection, clock, summaries, invoices,
					forecaster), transactionManager)
			.build();
	}

	@Bean
	Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobFiles jobFiles,
			QueryStore store, UsageStore usage, Deliverer deliverer, ForecastStore forecasts, Clock clock) {
		return new StepBuilder("deliver", jobRepository)
			.tasklet(new DeliverTasklet(jobFiles, store, usage, deliverer, forecasts, clock), transactionManager)
			.build();
	}

}
