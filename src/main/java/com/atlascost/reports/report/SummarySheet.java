package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;

/**
 * The {@code Summary} sheet: months down, organizations across, with row, column and
 * grand totals and the month-over-month change.
 *
 * <pre>
 * row 0   Month            | org label ... | Total       | Change (USD) | Change (%) | Provisional
 * row 1   Organization id  | org id ...    |             |              |            |
 * row 2.. 2026-09          | amounts ...   | SUM(row)    | =T3-T2       | =T3/T2-1   | provisional (or empty)
 * then    Total            | SUM(column)...| SUM(totals) |
 * then    one blank row and the notes: which grouping, what provisional means, currency, highlights
 * then    the largest movers of the latest settled month, and the trend table the chart plots
 * </pre>
 *
 * Its amounts are each organization's complete bill (an unfiltered organizations query,
 * org-level charges and credits included), never a grouping's total: groupings can leave
 * out org-level charges, and adding them up would count usage twice. The movers and the
 * trend break the bill down by the first grouping; the trend's last series is what the
 * grouping does not carry, so each month still adds up to the bill.
 */
final class SummarySheet {

	static final int FIRST_MONTH_ROW = 2;

	private static final int MOVERS = 5;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final ReportSettings settings;

	SummarySheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.settings = settings;
	}

	String name() {
		return this.messages.get("summary.sheet");
	}

	void write(Sheet sheet, ReportContents contents, TrendChart chart) {
		List<ReportOrganization> organizations = contents.organizations();
		List<YearMonth> months = contents.months().all();
		int totalColumn = 1 + organizations.size();
		int changeColumn = totalColumn + 1;
		int percentColumn = totalColumn + 2;
		int provisionalColumn = totalColumn + 3;

		Row labels = sheet.createRow(0);
		Row ids = sheet.createRow(1);
		this.cells.header(labels, 0, this.messages.get("summary.month"));
		this.cells.header(ids, 0, this.messages.get("summary.organizationId"));
		for (int i = 0; i < organizations.size(); i++) {
			this.cells.header(labels, 1 + i, organizations.get(i).label());
			this.cells.header(ids, 1 + i, organizations.get(i).id());
		}
		this.cells.header(labels, totalColumn, this.messages.get("summary.total"));
		this.cells.header(labels, changeColumn, this.messages.get("summary.change"));
		this.cells.header(labels, percentColumn, this.messages.get("summary.changePercent"));
		this.cells.header(labels, provisionalColumn, this.messages.get("summary.provisional"));

		BigDecimal[] columnTotals = new BigDecimal[organizations.size()];
		Arrays.fill(columnTotals, BigDecimal.ZERO);
		BigDecimal grandTotal = BigDecimal.ZERO;
		BigDecimal previousTotal = null;
		int rowIndex = FIRST_MONTH_ROW;
		for (YearMonth month : months) {
			Row row = sheet.createRow(rowIndex);
			boolean provisional = contents.months().isProvisional(month);
			if (provisional) {
				this.cells.provisionalMonth(row, 0, month);
			}
			else {
				this.cells.month(row, 0, month);
			}
			BigDecimal rowTotal = BigDecimal.ZERO;
			for (int i = 0; i < organizations.size(); i++) {
				BigDecimal amount = contents.bill(organizations.get(i).id(), month);
				BigDecimal shown = this.cells.money(row, 1 + i, amount);
				rowTotal = rowTotal.add(shown);
				columnTotals[i] = columnTotals[i].add(shown);
			}
			this.cells.total(row, totalColumn, rowIndex, rowIndex, 1, totalColumn - 1, rowTotal);
			// the open month is a few days' bill: a change against a whole month says
			// nothing
			if (previousTotal != null && !contents.openMonth().filter(month::equals).isPresent()) {
				String current = WorkbookCells.ref(rowIndex, totalColumn);
				String previous = WorkbookCells.ref(rowIndex - 1, totalColumn);
				this.cells.moneyFormula(row, changeColumn, current + "-" + previous, rowTotal.subtract(previousTotal));
				if (previousTotal.signum() != 0) {
					this.cells.percentFormula(row, percentColumn, current + "/" + previous + "-1",
							rowTotal.doubleValue() / previousTotal.doubleValue() - 1);
				}
			}
			grandTotal = grandTotal.add(rowTotal);
			previousTotal = rowTotal;
			if (provisional) {
				this.cells.text(row, provisionalColumn, this.messages.get("summary.provisionalMark"));
			}
			rowIndex++;
		}
		int lastMonthRow = rowIndex - 1;
		Row totals = sheet.createRow(rowIndex);
		this.cells.bold(totals, 0, this.messages.get("summary.total"));
		for (int i = 0; i < organizations.size(); i++) {
			this.cells.total(totals, 1 + i, FIRST_MONTH_ROW, lastMonthRow, 1 + i, 1 + i, columnTotals[i]);
		}
		this.cells.total(totals, totalColumn, FIRST_MONTH_ROW, lastMonthRow, totalColumn, totalColumn, grandTotal);
		highlightJumps(sheet, new CellRangeAddress(FIRST_MONTH_ROW, lastMonthRow, percentColumn, percentColumn));

		rowIndex = forecast(sheet, contents, rowIndex + 2);
		rowIndex += 1;
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("summary.note.bill"));
		if (!contents.months().provisional().isEmpty()) {
			this.cells.note(sheet.createRow(rowIndex++), 0,
					this.messages.get("summary.note.provisional",
							contents.months()
								.provisional()
								.stream()
								.map(YearMonth::toString)
								.collect(Collectors.joining(", "))));
		}
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("summary.note.currency"));
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("summary.note.jump", percent()));

		rowIndex = largestMovers(sheet, contents, rowIndex + 1);
		rowIndex = trend(sheet, contents, rowIndex + 1, chart);

		sheet.createFreezePane(1, FIRST_MONTH_ROW);
		sheet.setDisplayGridlines(false);
		sheet.setPrintGridlines(false);
		WorkbookCells.printLandscapeFitToWidth(sheet);
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, List.of(this.messages.get("summary.month"),
				this.messages.get("summary.organizationId"), this.messages.get("summary.movers.organization"))));
		for (int i = 0; i < organizations.size(); i++) {
			sheet.setColumnWidth(1 + i, WorkbookCells.widthFor(16, 34,
					Arrays.asList(organizations.get(i).label(), organizations.get(i).id())));
		}
		for (int column = totalColumn; column <= provisionalColumn; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(14, 24, List.of(labels.getCell(column).toString())));
		}
	}

	/**
	 * The open month's forecast, one line per organization and the total: month to date,
	 * the expected month-end bill and its band, beside the monthly budget and the
	 * outlook. Nothing when the run has no forecast (its range ends before the current
	 * month).
	 */
	private int forecast(Sheet sheet, ReportContents contents, int rowIndex) {
		Optional<YearMonth> open = contents.openMonth();
		if (open.isEmpty()) {
			return rowIndex - 1;
		}
		int day = contents.request().forecasts().get(0).day();
		this.cells.title(sheet.createRow(rowIndex++), 0,
				this.messages.get("summary.forecast.title", open.get().toString(), day));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(this.messages.get("summary.forecast.organization"),
				this.messages.get("summary.forecast.monthToDate"), this.messages.get("summary.forecast.forecast"),
				this.messages.get("summary.forecast.low"), this.messages.get("summary.forecast.high"),
				this.messages.get("summary.forecast.budget"), this.messages.get("summary.forecast.outlook"));
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		int first = rowIndex;
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (ReportOrganization organization : contents.organizations()) {
			Optional<MonthEndForecast> forecast = contents.forecast(organization.id());
			if (forecast.isEmpty()) {
				continue;
			}
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, organization.label());
			BigDecimal[] shown = { this.cells.money(row, 1, contents.bill(organization.id(), open.get())),
					this.cells.money(row, 2, forecast.get().forecast()), this.cells.money(row, 3, forecast.get().low()),
					this.cells.money(row, 4, forecast.get().high()) };
			for (int i = 0; i < sums.length; i++) {
				sums[i] = sums[i].add(shown[i]);
			}
			Optional<BigDecimal> budget = contents.request()
				.budgets()
				.stream()
				.filter((b) -> b.projectId() == null && b.organizationId().equals(organization.id()))
				.map(Budget::monthly)
				.findFirst();
			if (budget.isPresent()) {
				this.cells.money(row, 5, budget.get());
				this.cells.text(row, 6, this.messages.get("outlook." + forecast.get().against(budget.get()).name()));
			}
		}
		Row total = sheet.createRow(rowIndex++);
		this.cells.bold(total, 0, this.messages.get("summary.total"));
		for (int i = 0; i < sums.length; i++) {
			this.cells.total(total, 1 + i, first, rowIndex - 2, 1 + i, 1 + i, sums[i]);
		}
		this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("summary.forecast.note"));
		return rowIndex;
	}

	private String percent() {
		return this.settings.jumpThreshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	private void highlightJumps(Sheet sheet, CellRangeAddress range) {
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.GT,
				this.settings.jumpThreshold().toPlainString());
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

	/**
	 * The first grouping's lines that changed most from the month before the latest
	 * settled month to it, either way.
	 */
	private int largestMovers(Sheet sheet, ReportContents contents, int rowIndex) {
		Optional<YearMonth> latest = contents.months().latestCompleteMonth();
		GroupingDimension dimension = new GroupingDimension(contents.summaryGrouping(), this.messages);
		if (latest.isEmpty()) {
			this.cells.title(sheet.createRow(rowIndex), 0, this.messages.get("summary.movers.none"));
			return rowIndex + 1;
		}
		YearMonth month = latest.get();
		YearMonth before = month.minusMonths(1);
		this.cells.title(sheet.createRow(rowIndex++), 0, this.messages.get("summary.movers.title", month.toString(),
				before.toString(), contents.summaryGrouping().apiName()));
		Row header = sheet.createRow(rowIndex++);
		int column = 0;
		this.cells.header(header, column++, this.messages.get("summary.movers.organization"));
		this.cells.header(header, column++, dimension.nameHeader());
		int idColumn = dimension.idHeader().isPresent() ? column++ : -1;
		dimension.idHeader().ifPresent((id) -> this.cells.header(header, idColumn, id));
		int beforeColumn = column++;
		this.cells.header(header, beforeColumn, before.toString());
		this.cells.header(header, beforeColumn + 1, month.toString());
		this.cells.header(header, beforeColumn + 2, this.messages.get("summary.change"));
		this.cells.header(header, beforeColumn + 3, this.messages.get("summary.changePercent"));
		List<GroupingLine> movers = contents.linesOf(contents.summaryGrouping())
			.stream()
			.filter((line) -> change(line, month).signum() != 0)
			.sorted(Comparator.comparing((GroupingLine line) -> change(line, month).abs()).reversed())
			.limit(MOVERS)
			.toList();
		for (GroupingLine line : movers) {
			Row row = sheet.createRow(rowIndex);
			this.cells.text(row, 0, line.organization().label());
			this.cells.text(row, 1, line.dimensionName());
			if (idColumn >= 0) {
				this.cells.text(row, idColumn, line.dimensionId());
			}
			BigDecimal was = this.cells.money(row, beforeColumn, line.amount(before));
			BigDecimal is = this.cells.money(row, beforeColumn + 1, line.amount(month));
			String wasRef = WorkbookCells.ref(rowIndex, beforeColumn);
			String isRef = WorkbookCells.ref(rowIndex, beforeColumn + 1);
			this.cells.moneyFormula(row, beforeColumn + 2, isRef + "-" + wasRef, is.subtract(was));
			if (was.signum() != 0) {
				this.cells.percentFormula(row, beforeColumn + 3, isRef + "/" + wasRef + "-1",
						is.doubleValue() / was.doubleValue() - 1);
			}
			rowIndex++;
		}
		return rowIndex;
	}

	private static BigDecimal change(GroupingLine line, YearMonth month) {
		return line.amount(month).subtract(line.amount(month.minusMonths(1)));
	}

	/**
	 * The table the trend chart plots: months down, the first grouping's biggest values
	 * across (the same value in several organizations is one series), the rest as
	 * "Other", then what the grouping leaves out of the bill. Each month's row adds up to
	 * the summary's total of that month.
	 */
	private int trend(Sheet sheet, ReportContents contents, int rowIndex, TrendChart chart) {
		List<YearMonth> months = contents.months().all();
		GroupingDimension dimension = new GroupingDimension(contents.summaryGrouping(), this.messages);
		Map<String, Series> byValue = new LinkedHashMap<>();
		for (GroupingLine line : contents.linesOf(contents.summaryGrouping())) {
			String key = (line.dimensionId() != null) ? "id:" + line.dimensionId() : "name:" + line.dimensionName();
			byValue.computeIfAbsent(key, (k) -> new Series(line.dimensionName(), new LinkedHashMap<>())).add(line);
		}
		List<Series> ranked = new ArrayList<>(byValue.values());
		ranked.sort(Comparator.comparing(Series::total).reversed().thenComparing(Series::name));
		List<Series> shown = new ArrayList<>(ranked.subList(0, Math.min(this.settings.chartSeries(), ranked.size())));
		if (ranked.size() > shown.size()) {
			Series other = new Series(this.messages.get("summary.trend.other"), new LinkedHashMap<>());
			ranked.subList(shown.size(), ranked.size())
				.forEach((series) -> series.amounts()
					.forEach((month, amount) -> other.amounts().merge(month, amount, BigDecimal::add)));
			shown.add(other);
		}
		Series outside = new Series(this.messages.get("summary.trend.outside"), new LinkedHashMap<>());
		for (YearMonth month : months) {
			BigDecimal rest = contents.bill(month).subtract(contents.total(contents.summaryGrouping(), month));
			if (rest.signum() != 0) {
				outside.amounts().put(month, rest);
			}
		}
		if (!outside.amounts().isEmpty()) {
			shown.add(outside);
		}
		String title = this.messages.get("summary.trend.title", dimension.nameHeader(), this.settings.chartSeries());
		this.cells.title(sheet.createRow(rowIndex++), 0, title);
		int headerRow = rowIndex++;
		Row header = sheet.createRow(headerRow);
		this.cells.header(header, 0, this.messages.get("summary.month"));
		for (int s = 0; s < shown.size(); s++) {
			this.cells.header(header, 1 + s, shown.get(s).name());
		}
		int firstRow = rowIndex;
		double[][] values = new double[shown.size()][months.size()];
		for (int m = 0; m < months.size(); m++) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.month(row, 0, months.get(m));
			for (int s = 0; s < shown.size(); s++) {
				BigDecimal amount = shown.get(s).amounts().getOrDefault(months.get(m), BigDecimal.ZERO);
				values[s][m] = this.cells.money(row, 1 + s, amount).doubleValue();
			}
		}
		if (!shown.isEmpty()) {
			chart.plot(new TrendChart.Data(this.messages.get("summary.chart.title", dimension.nameHeader()), headerRow,
					firstRow, 0, months, shown.stream().map(Series::name).toList(), values,
					ranked.size() > this.settings.chartSeries()), rowIndex + 1);
			rowIndex += 1 + TrendChart.HEIGHT_IN_ROWS;
		}
		return rowIndex;
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
