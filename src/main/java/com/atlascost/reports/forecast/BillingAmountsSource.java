package com.atlascost.reports.forecast;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.atlascost.reports.invoice.InvoiceStore;
import com.atlascost.reports.plan.JobDefinition;
import com.atlascost.reports.plan.OrganizationScope;
import com.atlascost.reports.usage.StoredBill;

import org.springframework.stereotype.Component;

/**
 * Makes a run's {@link BillingAmounts} from what the database holds: the report step and
 * the delivery step read the same bills, invoices and forecasts, so the workbook and the
 * mail show the same figures to the cent.
 */
@Component
public class BillingAmountsSource {

	private final InvoiceStore invoices;

	private final Clock clock;

	BillingAmountsSource(InvoiceStore invoices, Clock clock) {
		this.invoices = invoices;
		this.clock = clock;
	}

	/**
	 * The amounts of the job's organizations (and the organizations their invoices link)
	 * for months {@code from} to {@code to}.
	 */
	public BillingAmounts amounts(JobDefinition job, YearMonth from, YearMonth to, List<StoredBill> bills,
			List<MonthEndForecast> forecasts) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (OrganizationScope organization : job.organizations()) {
			labels.put(organization.id(), organization.label());
		}
		YearMonth current = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		Optional<YearMonth> open = (!current.isBefore(from) && !current.isAfter(to)) ? Optional.of(current)
				: Optional.empty();
		return BillingAmounts.of(labels, bills, this.invoices.invoices(labels.keySet(), from, to), forecasts, open);
	}

}
