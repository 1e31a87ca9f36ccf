package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.summary.Cents;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.summary.RunSummaryEntry;
import com.atlascost.reports.summary.RunSummaryItem;

/**
 * The run summary as the Run info sheet shows it: in the report's language, from each
 * entry's item and arguments ({@code runSummary.label.ITEM} and
 * {@code runSummary.value.ITEM}; the console's English where the bundle has none), with
 * its amounts and counts as numbers. The bills and the forecast come from the report's
 * own data, so they are the same numbers as the Summary's.
 */
final class RunSummaryLines {

	private final ReportMessages messages;

	RunSummaryLines(ReportMessages messages) {
		this.messages = messages;
	}

	/**
	 * One line of the block: a label and a value that is text, a count ({@link Long}) or
	 * money ({@link BigDecimal}).
	 */
	record Line(String label, Object value) {
	}

	List<Line> lines(RunSummary summary, ReportContents contents) {
		List<Line> lines = new ArrayList<>();
		for (RunSummaryEntry entry : summary.entries()) {
			switch (entry.item()) {
				case TOTAL -> {
					YearMonth month = (YearMonth) entry.arguments().get(0);
					lines.add(new Line(this.messages.get("runSummary.total", month.toString()),
							Cents.round(contents.bill(month))));
				}
				case FORECAST -> {
					List<MonthEndForecast> forecasts = contents.request().billing().forecasts();
					if (forecasts.isEmpty()) {
						lines.add(new Line(label(entry), value(entry)));
						continue;
					}
					String month = entry.arguments().get(0).toString();
					lines.add(new Line(this.messages.get("runSummary.forecast", month),
							sum(forecasts, MonthEndForecast::forecast)));
					lines.add(new Line(this.messages.get("runSummary.forecastLow", month),
							sum(forecasts, MonthEndForecast::low)));
					lines.add(new Line(this.messages.get("runSummary.forecastHigh", month),
							sum(forecasts, MonthEndForecast::high)));
				}
				case ROWS_STORED -> lines.add(new Line(label(entry), entry.arguments().get(0)));
				default -> lines.add(new Line(label(entry), value(entry)));
			}
		}
		return lines;
	}

	private String label(RunSummaryEntry entry) {
		return this.messages.getOrDefault("runSummary.label." + entry.item().name(), entry.label(),
				entry.textArguments().toArray());
	}

	private String value(RunSummaryEntry entry) {
		if (entry.none()) {
			return this.messages.get("runInfo.none");
		}
		List<String> arguments = new ArrayList<>(entry.textArguments());
		if (entry.item() == RunSummaryItem.EXIT_CODE || entry.item() == RunSummaryItem.EXIT_CODE_BEFORE_DELIVERY) {
			arguments.set(1, this.messages.getOrDefault("runSummary.exitCode." + arguments.get(0), arguments.get(1)));
		}
		return this.messages.getOrDefault("runSummary.value." + entry.item().name(), entry.value(),
				arguments.toArray());
	}

	private static BigDecimal sum(List<MonthEndForecast> forecasts, Function<MonthEndForecast, BigDecimal> amount) {
		return forecasts.stream().map(amount).map(Cents::round).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
