package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The table the {@code Summary}'s trend chart plots, outside the print area: months down,
 * the first grouping's biggest values across (the same value in several organizations is
 * one series), the rest as "Other" (a column whenever the title promises it), then what
 * the grouping leaves out of the bill. Each month's row adds up to the summary's total of
 * that month.
 */
final class TrendTable {

	private final SummaryContext summary;

	private final GroupingDimension dimension;

	TrendTable(SummaryContext summary) {
		this.summary = summary;
		this.dimension = new GroupingDimension(summary.contents().summaryGrouping(), summary.messages());
	}

	/**
	 * Writes the table from a row and plots the chart from it.
	 * @return the chart's width in columns
	 */
	int write(int row, TrendChart chart, int chartRow, int chartColumn) {
		Sheet sheet = this.summary.sheet();
		WorkbookCells cells = this.summary.cells();
		ReportMessages messages = this.summary.messages();
		List<YearMonth> months = this.summary.contents().months().all();
		List<Series> ranked = ranked();
		List<Series> shown = new ArrayList<>(
				ranked.subList(0, Math.min(this.summary.settings().chartSeries(), ranked.size())));
		boolean other = ranked.size() > shown.size();
		if (other) {
			Series rest = new Series(messages.get("summary.trend.other"), new LinkedHashMap<>());
			ranked.subList(shown.size(), ranked.size())
				.forEach((series) -> series.amounts()
					.forEach((month, amount) -> rest.amounts().merge(month, amount, BigDecimal::add)));
			shown.add(rest);
		}
		Series outside = outsideTheGrouping(months);
		if (!outside.amounts().isEmpty()) {
			shown.add(outside);
		}
		String title = other
				? messages.get("summary.trend.title", this.dimension.nameHeader(),
						this.summary.settings().chartSeries())
				: messages.get("summary.trend.titleAll", this.dimension.nameHeader());
		int rowIndex = row;
		cells.title(sheet.createRow(rowIndex++), 0, title);
		int headerRow = rowIndex++;
		Row header = sheet.createRow(headerRow);
		cells.header(header, 0, messages.get("summary.month"));
		for (int s = 0; s < shown.size(); s++) {
			cells.header(header, 1 + s, shown.get(s).name());
		}
		int firstRow = rowIndex;
		double[][] values = new double[shown.size()][months.size()];
		for (int m = 0; m < months.size(); m++) {
			Row line = sheet.createRow(rowIndex++);
			cells.month(line, 0, months.get(m));
			for (int s = 0; s < shown.size(); s++) {
				BigDecimal amount = shown.get(s).amounts().getOrDefault(months.get(m), BigDecimal.ZERO);
				values[s][m] = cells.money(line, 1 + s, amount).doubleValue();
			}
		}
		if (shown.isEmpty()) {
			return 0;
		}
		return chart.plot(
				new TrendChart.Data(messages.get("summary.chart.title", this.dimension.nameHeader()), headerRow,
						firstRow, 0, months, shown.stream().map(Series::name).toList(), values, other),
				chartRow, chartColumn);
	}

	/** The grouping's values, biggest first. */
	private List<Series> ranked() {
		ReportContents contents = this.summary.contents();
		Map<String, Series> byValue = new LinkedHashMap<>();
		for (GroupingLine line : contents.linesOf(contents.summaryGrouping())) {
			String key = (line.dimensionId() != null) ? "id:" + line.dimensionId() : "name:" + line.dimensionName();
			byValue.computeIfAbsent(key, (k) -> new Series(line.dimensionName(), new LinkedHashMap<>())).add(line);
		}
		List<Series> ranked = new ArrayList<>(byValue.values());
		ranked.sort(Comparator.comparing(Series::total).reversed().thenComparing(Series::name));
		return ranked;
	}

	/** What the grouping leaves out of each month's bill. */
	private Series outsideTheGrouping(List<YearMonth> months) {
		ReportContents contents = this.summary.contents();
		Series outside = new Series(this.summary.messages().get("summary.trend.outside"), new LinkedHashMap<>());
		for (YearMonth month : months) {
			BigDecimal rest = contents.bill(month).subtract(contents.total(contents.summaryGrouping(), month));
			if (rest.signum() != 0) {
				outside.amounts().put(month, rest);
			}
		}
		return outside;
	}

	private record Series(String name, Map<YearMonth, BigDecimal> amounts) {

		void add(GroupingLine line) {
			line.amounts().forEach((month, amount) -> this.amounts.merge(month, amount, BigDecimal::add));
		}

		BigDecimal total() {
			return this.amounts.values()
				.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(2, RoundingMode.HALF_UP);
		}

	}

}
