package com.atlascost.reports.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bills the forecast learns from (the {@code monthly_cost_by_organization} view), the
 * nightly month-to-date snapshots and the forecasts made.
 */
@Repository
public class ForecastStore {

	private final JdbcClient jdbc;

	ForecastStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The organization's stored bill of one month with when it was fetched, if any.
	 */
	public Optional<StoredBill> bill(String orgId, YearMonth month) {
		return this.jdbc
			.sql("SELECT amount, fetched_at FROM monthly_cost_by_organization WHERE organization_id = ?"
					+ " AND billing_month = ?")
			.params(orgId, month.atDay(1))
			.query((rs, n) -> new StoredBill(rs.getBigDecimal("amount"),
					rs.getObject("fetched_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Keeps the month to date of a night; a second run the same day replaces it. */
	@Transactional
	void saveSnapshot(String orgId, YearMonth month, int day, BigDecimal amount, Instant takenAt) {
		this.jdbc.sql("DELETE FROM month_to_date_snapshot WHERE org_id = ? AND billing_month = ? AND day_of_month = ?")
			.params(orgId, month.atDay(1), day)
			.update();
		this.jdbc
			.sql("INSERT INTO month_to_date_snapshot (org_id, billing_month, day_of_month, amount, taken_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(orgId, month.atDay(1), day, amount, utc(takenAt))
			.update();
	}

	/** Every stored bill and snapshot of the organization. */
	BillHistory history(String orgId) {
		NavigableMap<YearMonth, BigDecimal> bills = new TreeMap<>();
		this.jdbc.sql("SELECT billing_month, amount FROM monthly_cost_by_organization WHERE organization_id = ?")
			.param(orgId)
			.query((rs, n) -> bills.put(YearMonth.from(rs.getObject("billing_month", LocalDate.class)),
					rs.getBigDecimal("amount")))
			.list();
		Map<YearMonth, NavigableMap<Integer, BigDecimal>> snapshots = new TreeMap<>();
		this.jdbc.sql("SELECT billing_month, day_of_month, amount FROM month_to_date_snapshot WHERE org_id = ?")
			.param(orgId)
			.query((rs, n) -> snapshots
				.computeIfAbsent(YearMonth.from(rs.getObject("billing_month", LocalDate.class)), (m) -> new TreeMap<>())
				.put(rs.getInt("day_of_month"), rs.getBigDecimal("amount")))
			.list();
		return new BillHistory(bills, snapshots);
	}

	void save(MonthEndForecast forecast, Instant computedAt) {
		this.jdbc
			.sql("INSERT INTO month_end_forecast (org_id, billing_month, day_of_month, month_to_date,"
					+ " forecast_amount, low_amount, high_amount, method, computed_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(forecast.organizationId(), forecast.month().atDay(1), forecast.day(), forecast.monthToDate(),
					forecast.forecast(), forecast.low(), forecast.high(), forecast.method(), utc(computedAt))
			.update();
	}

	/**
	 * The latest forecasts of these organizations for the month ({@code cost_forecast}).
	 */
	public List<MonthEndForecast> latest(List<String> orgIds, YearMonth month) {
		List<MonthEndForecast> forecasts = new ArrayList<>();
		for (String orgId : orgIds) {
			this.jdbc
				.sql("SELECT organization_id, day_of_month, month_to_date, forecast_amount, low_amount, high_amount,"
						+ " method FROM cost_forecast WHERE organization_id = ? AND billing_month = ?")
				.params(orgId, month.atDay(1))
				.query((rs, n) -> new MonthEndForecast(rs.getString("organization_id"), month,
						rs.getInt("day_of_month"), rs.getBigDecimal("month_to_date"),
						rs.getBigDecimal("forecast_amount"), rs.getBigDecimal("low_amount"),
						rs.getBigDecimal("high_amount"), rs.getString("method")))
				.optional()
				.ifPresent(forecasts::add);
		}
		return forecasts;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A month's bill as stored, with the time it was fetched. */
	public record StoredBill(BigDecimal amount, Instant fetchedAt) {
	}

}
