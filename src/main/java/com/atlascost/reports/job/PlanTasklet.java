package com.atlascost.reports.job;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.ClustersApi;
import com.atlascost.reports.atlas.OrganizationsApi;
import com.atlascost.reports.invoice.UsageRevisions;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.JobFiles;
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

/** Expands the job into its queries, resolves their filters and registers them. */
@Component
class PlanTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(PlanTasklet.class);

	private final JobFiles jobFiles;

	private final QueryPlanner planner;

	private final OrganizationsApi organizations;

	private final ClustersApi clusters;

	private final QueryStore store;

	private final DiscoveredNames names;

	/** Registers the queries, those of settled months Atlas revised due again. */
	private final UsageRevisions revisions;

	PlanTasklet(JobFiles jobFiles, QueryPlanner planner, OrganizationsApi organizations, ClustersApi clusters,
			QueryStore store, DiscoveredNames names, UsageRevisions revisions) {
		this.jobFiles = jobFiles;
		this.planner = planner;
		this.organizations = organizations;
		this.clusters = clusters;
		this.store = store;
		this.names = names;
		this.revisions = revisions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
		JobDefinition job = this.jobFiles.definition(run.jobFile());
		List<PlannedQuery> planned = this.planner.plan(job, run.range());
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

}
