package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;

/**
 * The open month's forecast, one line per organization and the total: month to date, the
 * expected month-end bill and its band, beside the monthly budget and the outlook.
 * Nothing when the run has no forecast (its range ends before the current month).
 */
final class ForecastBlock implements SummaryBlock {

	@Override
	public int write(SummaryContext summary, int row) {
		ReportContents contents = summary.contents();
		Optional<YearMonth> open = contents.openMonth();
		if (open.isEmpty()) {
			return row;
		}
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		int rowIndex = row;
		int day = contents.request().billing().forecasts().get(0).day();
		cells.title(sheet.createRow(rowIndex++), 0, messages.get("summary.forecast.title", open.get().toString(), day));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(messages.get("summary.forecast.organization"),
				messages.get("summary.forecast.monthToDate"), messages.get("summary.forecast.forecast"),
				messages.get("summary.forecast.low"), messages.get("summary.forecast.high"),
				messages.get("summary.forecast.budget"), messages.get("summary.forecast.outlook"));
		for (int column = 0; column < headers.size(); column++) {
			cells.header(header, column, headers.get(column));
		}
		int first = rowIndex;
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (ReportOrganization organization : contents.organizations()) {
			Optional<MonthEndForecast> forecast = contents.forecast(organization.id());
			if (forecast.isPresent()) {
				BigDecimal[] shown = organization(summary, sheet.createRow(rowIndex++), organization, open.get(),
						forecast.get());
				for (int i = 0; i < sums.length; i++) {
					sums[i] = sums[i].add(shown[i]);
				}
			}
		}
		Row total = sheet.createRow(rowIndex++);
		cells.bold(total, 0, messages.get("summary.total"));
		for (int i = 0; i < sums.length; i++) {
			cells.total(total, 1 + i, first, rowIndex - 2, 1 + i, 1 + i, sums[i]);
		}
		cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.forecast.note"));
		return rowIndex + 1;
	}

	/**
	 * An organization's line.
	 * @return the amounts shown: month to date, forecast, low, high
	 */
	private static BigDecimal[] organization(SummaryContext summary, Row row, ReportOrganization organization,
			YearMonth open, MonthEndForecast forecast) {
		ReportContents contents = summary.contents();
		WorkbookCells cells = summary.cells();
		cells.text(row, 0, organization.label());
		BigDecimal[] shown = { cells.money(row, 1, contents.bill(organization.id(), open)),
				cells.money(row, 2, forecast.forecast()), cells.money(row, 3, forecast.low()),
				cells.money(row, 4, forecast.high()) };
		Optional<BigDecimal> budget = contents.request()
			.scope()
			.budgets()
			.stream()
			.filter((b) -> b.projectId() == null && b.organizationId().equals(organization.id()))
			.map(Budget::monthly)
			.findFirst();
		if (budget.isPresent()) {
			cells.money(row, 5, budget.get());
			cells.text(row, 6, summary.messages().get("outlook." + forecast.against(budget.get()).name()));
		}
		return shown;
	}

}
