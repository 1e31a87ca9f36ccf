package com.atlascost.reports.forecast;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Forecasts the open month of each organization after a run has stored its bills: keeps
 * the night's month-to-date snapshot, then forecasts from everything stored and saves the
 * forecast ({@code cost_forecast}). The open month is the current month (UTC); a range
 * that does not reach it has nothing to forecast.
 */
@Component
public class MonthEndForecaster {

	private final ForecastStore store;

	private final BlendedRunRate method;

	private final Clock clock;

	MonthEndForecaster(ForecastStore store, BlendedRunRate method, Clock clock) {
		this.store = store;
		this.method = method;
		this.clock = clock;
	}

	/**
	 * The forecasts of the open month for these organizations, for those whose bill of
	 * the month was fetched during the month.
	 */
	public List<MonthEndForecast> forecast(List<String> orgIds, YearMonth lastMonthOfRange) {
		Instant now = this.clock.instant();
		YearMonth open = YearMonth.from(now.atZone(ZoneOffset.UTC));
		List<MonthEndForecast> forecasts = new ArrayList<>();
		if (lastMonthOfRange.isBefore(open)) {
			return forecasts;
		}
		for (String orgId : orgIds) {
			Optional<ForecastStore.StoredBill> bill = this.store.bill(orgId, open);
			if (bill.isEmpty()) {
				continue;
			}
			LocalDate fetchedOn = LocalDate.ofInstant(bill.get().fetchedAt(), ZoneOffset.UTC);
			if (!YearMonth.from(fetchedOn).equals(open)) {
				continue;
			}
			this.store.saveSnapshot(orgId, open, fetchedOn.getDayOfMonth(), bill.get().amount(),
					bill.get().fetchedAt());
			MonthEndForecast forecast = this.method.forecast(orgId, this.store.history(orgId), open,
					fetchedOn.getDayOfMonth(), bill.get().amount());
			this.store.save(forecast, now);
			forecasts.add(forecast);
		}
		return forecasts;
	}

}
