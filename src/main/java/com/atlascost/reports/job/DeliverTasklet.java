package com.atlascost.reports.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.forecast.BillingAmountsSource;
import com.atlascost.reports.forecast.ForecastStore;
import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.invoice.ReconciliationLine;
import com.atlascost.reports.notify.Deliverer;
import com.atlascost.reports.notify.DeliveryOutcome;
import com.atlascost.reports.notify.DeliveryRequest;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.usage.QueryStore;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.UsageStore;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Delivers what the report step wrote, as the job file's {@code delivery} block says,
 * unless {@code --no-delivery}. What could not be delivered fails the step, and so the
 * run (exit 1): the same command restarts it with this step alone.
 */
@Component
class DeliverTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(DeliverTasklet.class);

	private final JobFiles jobFiles;

	private final QueryStore store;

	private final UsageStore usage;

	private final Deliverer deliverer;

	private final ForecastStore forecasts;

	private final Clock clock;

	private final BillingAmountsSource amounts;

	private final ReportInputs inputs;

	DeliverTasklet(JobFiles jobFiles, QueryStore store, UsageStore usage, Deliverer deliverer, ForecastStore forecasts,
			Clock clock, BillingAmountsSource amounts, ReportInputs inputs) {
		this.inputs = inputs;
		this.amounts = amounts;
		this.forecasts = forecasts;
		this.clock = clock;
		this.jobFiles = jobFiles;
		this.store = store;
		this.usage = usage;
		this.deliverer = deliverer;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		RunParameters run = RunParameters.from(step.getJobParameters());
		if (run.noDelivery()) {
			logger.info("Delivery skipped (--no-delivery)");
			return RepeatStatus.FINISHED;
		}
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		if (job.delivery().isEmpty()) {
			logger.info("Nothing to deliver: {} has no delivery block", run.jobFile());
			return RepeatStatus.FINISHED;
		}
		DeliveryOutcome outcome = this.deliverer.deliver(request(job, run, step));
		logger.info("Delivered: {} sent, {} sent before, {} not delivered", outcome.sent().size(),
				outcome.alreadySent().size(), outcome.notDelivered().size());
		if (!outcome.complete()) {
			throw new DeliveryFailedException(outcome.notDelivered());
		}
		return RepeatStatus.FINISHED;
	}

	/** What the report step wrote and the database holds, for the job file's delivery. */
	private DeliveryRequest request(JobDefinition job, RunParameters run, StepExecution step) {
		ExecutionContext context = RunContext.of(step.getJobExecution());
		Map<String, String> organizations = new LinkedHashMap<>();
		for (OrganizationScope organization : job.organizations()) {
			organizations.put(organization.id(), organization.label());
		}
		return new DeliveryRequest(
				// a rebuilt report's mail is that of the run it rebuilds: not sent twice
				new DeliveryRequest.Run(job.name(),
						(run.mailedAs() != 0) ? run.mailedAs()
								: step.getJobExecution().getJobInstance().getInstanceId(),
						run.range().from(), run.range().to(),
						this.store.provisionalMonths(RunContext.queryIds(context))),
				new DeliveryRequest.Files(Path.of(context.getString(RunContext.WORKBOOK)),
						Path.of(context.getString(RunContext.FOCUS_CSV))),
				new DeliveryRequest.JobFile(job.delivery(), job.budgets(), organizations, job.accounting()),
				amounts(job, run, context, organizations));
	}

	/**
	 * The stored amounts, the three amounts made from them as the report step made them.
	 */
	private DeliveryRequest.Amounts amounts(JobDefinition job, RunParameters run, ExecutionContext context,
			Map<String, String> organizations) {
		List<StoredBill> bills = this.usage.bills(RunContext.billIds(context));
		// the linked organizations a paying one's queries cover have forecasts of their
		// own, as the report step made them
		Map<String, String> reported = new LinkedHashMap<>(organizations);
		bills.forEach((bill) -> reported.putIfAbsent(bill.organizationId(), bill.organizationLabel()));
		List<MonthEndForecast> forecasts = openMonthForecasts(reported, run);
		return new DeliveryRequest.Amounts(bills, forecasts,
				this.usage.usageRows(RunContext.breakdownIds(context), job.groupings()),
				this.amounts.amounts(job, run.range().from(), run.range().to(), bills, forecasts),
				this.inputs.invoices(job, run, bills)
					.reconciliation()
					.stream()
					.filter(ReconciliationLine::flagged)
					.toList());
	}

	/**
	 * The forecasts the report step stored for the open month, when the range reaches it:
	 * a closed month's last forecast is history, not an outlook.
	 */
	private List<MonthEndForecast> openMonthForecasts(Map<String, String> organizations, RunParameters run) {
		YearMonth open = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		if (!run.range().to().equals(open)) {
			return List.of();
		}
		return this.forecasts.latest(List.copyOf(organizations.keySet()), open);
	}

}
