package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlascost.reports.forecast.MonthEndForecast;

/**
 * The run summary as the Run info sheet shows it: in the report's language, with its
 * amounts and counts as numbers. The summary package writes the console's English lines;
 * this reads them back by their known shapes (an entry of a shape it does not know keeps
 * its English value under a translated label when there is one), and takes the bills and
 * the forecast from the report's own data rather than from their text, so they are the
 * same numbers as the Summary's.
 */
final class RunSummaryLines {

	private static final Pattern TOTAL = Pattern.compile("Total (\\d{4}-\\d{2}) \\(bill\\)");

	private static final Pattern FORECAST = Pattern.compile("Forecast (\\d{4}-\\d{2}) \\(month end\\)");

	private static final Pattern FAILED_QUERY = Pattern.compile("Failed query (\\d+)");

	private static final Pattern RATE_LIMIT = Pattern.compile("Rate limit of org (\\S+)");

	/** The exit code as the report step writes it when a delivery step follows. */
	private static final Pattern EXIT_BEFORE_DELIVERY = Pattern.compile("(\\d+): done when this report was written;"
			+ " the delivery that follows ends the run with (\\d+) if it fails \\(see the run's log\\)");

	/** Value shapes by entry, each with the message that writes it again. */
	private static final Map<String, Shape> SHAPES = Map.of("Job",
			new Shape(Pattern.compile("(.*) \\((.*)\\), job execution (\\d+)"), "runSummary.value.job"), "Windows",
			new Shape(Pattern.compile("(\\d+): (\\S+) to (\\S+)"), "runSummary.value.windows"), "Queries",
			new Shape(Pattern.compile("(\\d+) planned, (\\d+) done \\((\\d+) fetched, (\\d+) already done before"
					+ " this run\\), (\\d+) failed"), "runSummary.value.queries"),
			"Query latency",
			new Shape(
					Pattern.compile("(\\d+) queries timed, mean (\\d+) ms, max (\\d+) ms"), "runSummary.value.latency"),
			"Invoices",
			new Shape(Pattern.compile("(\\d+) fetched, (\\d+) settled ones already stored"),
					"runSummary.value.invoices"),
			"Exit code", new Shape(Pattern.compile("(\\d+): (.*)"), "runSummary.value.exitCode"));

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

	List<Line> lines(Map<String, String> entries, ReportContents contents) {
		List<Line> lines = new ArrayList<>();
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			String key = entry.getKey();
			String value = entry.getValue();
			Matcher total = TOTAL.matcher(key);
			Matcher forecast = FORECAST.matcher(key);
			if (total.matches()) {
				YearMonth month = YearMonth.parse(total.group(1));
				lines.add(new Line(this.messages.get("runSummary.total", month.toString()),
						Cents.round(contents.bill(month))));
			}
			else if (forecast.matches() && !contents.request().forecasts().isEmpty()) {
				String month = forecast.group(1);
				List<MonthEndForecast> forecasts = contents.request().forecasts();
				lines.add(new Line(this.messages.get("runSummary.forecast", month),
						sum(forecasts, MonthEndForecast::forecast)));
				lines.add(new Line(this.messages.get("runSummary.forecastLow", month),
						sum(forecasts, MonthEndForecast::low)));
				lines.add(new Line(this.messages.get("runSummary.forecastHigh", month),
						sum(forecasts, MonthEndForecast::high)));
			}
			else if (key.equals("Rows stored") && value.matches("\\d+")) {
				lines.add(new Line(label(key), Long.parseLong(value)));
			}
			else {
				lines.add(new Line(label(key), value(key, value)));
			}
		}
		return lines;
	}

	private String label(String key) {
		Matcher failed = FAILED_QUERY.matcher(key);
		if (failed.matches()) {
			return this.messages.get("runSummary.failedQuery", failed.group(1));
		}
		Matcher rateLimit = RATE_LIMIT.matcher(key);
		if (rateLimit.matches()) {
			return this.messages.get("runSummary.rateLimit", rateLimit.group(1));
		}
		return this.messages.getOrDefault("runSummary." + key.replaceAll("[^A-Za-z0-9]+", "-"), key);
	}

	private String value(String key, String value) {
		if (value.equals("none")) {
			return this.messages.get("runInfo.none");
		}
		Matcher beforeDelivery = EXIT_BEFORE_DELIVERY.matcher(value);
		if (key.equals("Exit code") && beforeDelivery.matches()) {
			return this.messages.get("runSummary.value.exitCodeBeforeDelivery", beforeDelivery.group(1),
					beforeDelivery.group(2));
		}
		Shape shape = SHAPES.get(key);
		if (shape == null) {
			return value;
		}
		Matcher matcher = shape.pattern().matcher(value);
		if (!matcher.matches()) {
			return value;
		}
		Object[] groups = new Object[matcher.groupCount()];
		for (int i = 0; i < groups.length; i++) {
			groups[i] = matcher.group(i + 1);
		}
		if (key.equals("Exit code")) {
			groups[1] = this.messages.getOrDefault("runSummary.exitCode." + groups[0], (String) groups[1]);
		}
		return this.messages.get(shape.message(), groups);
	}

	private static BigDecimal sum(List<MonthEndForecast> forecasts, Function<MonthEndForecast, BigDecimal> amount) {
		return forecasts.stream().map(amount).map(Cents::round).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private record Shape(Pattern pattern, String message) {
	}

}
