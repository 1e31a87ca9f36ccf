package com.atlascost.reports.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.ClustersApi;
import com.atlascost.reports.atlas.OrganizationsApi;
import com.atlascost.reports.invoice.BillingAccounts;
import com.atlascost.reports.invoice.InvoiceStore;
import com.atlascost.reports.invoice.UsageRevisions;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
import com.atlascost.reports.plan.MonthRange;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.plan.PlannedQuery;
import com.atlascost.reports.plan.QueryPlanner;
import com.atlascost.reports.usage.DiscoveredNames;
import com.atlascost.reports.usage.FilterDiscovery;
import com.atlascost.reports.usage.QueryRegistration;
import com.atlascost.reports.usage.QueryStore;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Expands the job into its queries, resolves their filters and registers them. It runs
 * after the invoices: the billing accounts are in the invoices the run stored, and the
 * queries of a paying organization cover the linked organizations it pays for.
 */
@Component
class PlanTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PlanTasklet.class);

	private final JobFiles jobFiles;

	private final QueryPlanner planner;

	private final OrganizationsApi organizations;

	private final ClustersApi clusters;

	private final QueryStore store;

	private final DiscoveredNames names;

	private final InvoiceStore invoices;

	/** Registers the queries, those of settled months Atlas revised due again. */
	private final UsageRevisions revisions;

	private final StoredRun storedRun;

	PlanTasklet(JobFiles jobFiles, QueryPlanner planner, OrganizationsApi organizations, ClustersApi clusters,
			QueryStore store, DiscoveredNames names, InvoiceStore invoices, UsageRevisions revisions,
			StoredRun storedRun) {
		this.storedRun = storedRun;
		this.jobFiles = jobFiles;
		this.planner = planner;
		this.organizations = organizations;
		this.clusters = clusters;
		this.store = store;
		this.names = names;
		this.invoices = invoices;
		this.revisions = revisions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
		if (run.reportOnly()) {
			this.storedRun.putPlan(run, RunContext.of(chunkContext));
			return RepeatStatus.FINISHED;
		}
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		List<PlannedQuery> planned = this.planner.plan(job, run.range(), linkedOrganizations(job, run.range()));
		FilterDiscovery filters = new FilterDiscovery(this.organizations, this.clusters, this.names);
		List<QueryRegistration> registrations = planned.stream()
			.map((query) -> new QueryRegistration(query.organization().label(), query.grouping(), query.window(),
					filters.filterOf(query), query.bill()))
			.toList();
		List<Long> ids = this.revisions.registerAll(registrations, run.refresh());
		List<Long> breakdowns = new ArrayList<>();
		List<Long> bills = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			if (planned.get(i).bill()) {
				bills.add(ids.get(i));
			}
			if (planned.get(i).breakdown()) {
				breakdowns.add(ids.get(i));
			}
		}
		RunContext.putQueryIds(RunContext.of(chunkContext), ids);
		RunContext.putIds(RunContext.of(chunkContext), RunContext.BREAKDOWN_QUERY_IDS, breakdowns);
		RunContext.putIds(RunContext.of(chunkContext), RunContext.BILL_QUERY_IDS, bills);
		logger.info("Planned {} queries: {} organizations x {} groupings x {} months ({} to {}), {} of them bills",
				ids.size(), job.organizations().size(), job.groupings().size(), run.range().windows().size(),
				run.range().from(), run.range().to(), bills.size());
		return RepeatStatus.FINISHED;
	}

	/**
	 * The linked organizations each paying organization's queries cover: those the job
	 * does not list on their own.
	 */
	private Map<String, List<String>> linkedOrganizations(JobDefinition job, MonthRange range) {
		List<String> jobOrgIds = job.organizations().stream().map(OrganizationScope::id).toList();
		BillingAccounts accounts = BillingAccounts.of(jobOrgIds,
				this.invoices.invoices(jobOrgIds, range.from(), range.to()));
		Map<String, List<String>> covered = new LinkedHashMap<>();
		for (String payer : accounts.linkedByPayer().keySet()) {
			covered.put(payer, accounts.coveredBy(payer, jobOrgIds));
			logger.info("Organization {} pays for {}", payer, String.join(", ", accounts.linkedTo(payer)));
		}
		return covered;
	}

}
