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
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

import com.atlascost.reports.forecast.MonthEndForecast;
import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;

/**
 * The {@code Summary} sheet, which answers in half a minute what the organizations cost,
 * on what, against the month before and the budgets, and where the open month is heading.
 *
 * <pre>
 * row 0   Month            | org label ... | Total       | Change (USD) | Change (%) | Provisional   [trend chart beside,
 * row 1   Organization id  | org id ...    |             |              |            |                or right under when
 * row 2.. 2026-09          | bills ...     | SUM(row)    | =T3-T2       | =T3/T2-1   | provisional    the table is wide]
 * then    Total            | SUM(column)...| SUM(totals) |
 * then    the open month's forecast per organization: month to date, forecast, band, budget, outlook
 * then    the budgets against the latest month with data, and their year to date
 * then    the largest movers of that month (marked provisional when it is)
 * then    the top services of that month across organizations, with their share of the bill
 * then    the notes
 * then    outside the print area: the trend table the chart plots
 * </pre>
 *
 * Its amounts are each organization's complete bill (an unfiltered organizations query,
 * org-level charges and credits included), never a grouping's total: groupings can leave
 * out org-level charges, and adding them up would count usage twice. The movers and the
 * trend break the bill down by the first grouping; the trend's last series is what the
 * grouping does not carry, so each month still adds up to the bill. The open month's row
 * is the month to date: it has no change against a whole month.
 */
final class SummarySheet {

	static final int FIRST_MONTH_ROW = 2;

	private static final int MOVERS = 5;

	private static final int TOP_SERVICES = 5;

	/**
	 * The widest a column under the bill table gets, in characters; longer text wraps.
	 */
	private static final int MAX_WIDTH = 40;

	/**
	 * The widest bill table (in characters of its organization columns and a fixed 70 for
	 * the month, total and change columns) the chart still fits beside on a 1080p screen
	 * at 100 % zoom: 1,920 pixels hold about 270 characters of Calibri 11, the chart
	 * takes about 75. The language's headers do not count, so English and Japanese
	 * workbooks have the same layout.
	 */
	private static final int CHART_BESIDE_UP_TO = 190;

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

	/** Writes the sheet and returns what prints on its one page. */
	CellRangeAddress write(Sheet sheet, ReportContents contents, TrendChart chart) {
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
			// nothing (its forecast, right under the table, does)
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
		highlightJumps(sheet, new CellRangeAddress(FIRST_MONTH_ROW, lastMonthRow, percentColumn, percentColumn),
				changeColumn);

		int tableWidth = 70 + columnWidths(sheet, organizations, labels, totalColumn, provisionalColumn);
		Columns columns = new Columns();
		int chartRow;
		int chartColumn;
		rowIndex += 2;
		if (tableWidth <= CHART_BESIDE_UP_TO) {
			chartRow = 0;
			chartColumn = provisionalColumn + 2;
		}
		else {
			chartRow = rowIndex;
			chartColumn = 0;
			rowIndex += TrendChart.HEIGHT_IN_ROWS + 1;
		}
		rowIndex = forecast(sheet, contents, rowIndex);
		Optional<YearMonth> latest = contents.latestMonthWithData();
		rowIndex = budgets(sheet, contents, latest, rowIndex, columns);
		rowIndex = largestMovers(sheet, contents, latest, rowIndex, columns);
		rowIndex = topServices(sheet, contents, latest, rowIndex, columns);

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
		this.cells.note(sheet.createRow(rowIndex++), 0,
				this.messages.get("summary.note.jump", this.settings.jumpPercent(), this.settings.jumpAmount()));
		int lastPrintedRow = Math.max(rowIndex - 1, chartRow + TrendChart.HEIGHT_IN_ROWS);

		columns.widen(sheet);
		int chartColumns = trend(sheet, contents, rowIndex + 2, chart, chartRow, chartColumn);

		sheet.createFreezePane(1, FIRST_MONTH_ROW);
		sheet.setDisplayGridlines(false);
		sheet.setPrintGridlines(false);
		return new CellRangeAddress(0, lastPrintedRow, 0,
				Math.max(columns.widestColumn(), Math.max(provisionalColumn, chartColumn + chartColumns - 1)));
	}

	/**
	 * Sets the columns' widths from their content and returns the width of the
	 * organization columns in characters.
	 */
	private int columnWidths(Sheet sheet, List<ReportOrganization> organizations, Row labels, int totalColumn,
			int provisionalColumn) {
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, List.of(this.messages.get("summary.month"),
				this.messages.get("summary.organizationId"), this.messages.get("summary.movers.organization"))));
		int organizationsWidth = 0;
		for (int i = 0; i < organizations.size(); i++) {
			int width = WorkbookCells.widthFor(16, 34,
					Arrays.asList(organizations.get(i).label(), organizations.get(i).id()));
			sheet.setColumnWidth(1 + i, width);
			organizationsWidth += width;
		}
		for (int column = totalColumn; column <= provisionalColumn; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(14, 24, List.of(labels.getCell(column).toString())));
		}
		return organizationsWidth / 256;
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
			return rowIndex;
		}
		int day = contents.request().billing().forecasts().get(0).day();
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
				.scope()
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
		return rowIndex + 1;
	}

	/**
	 * Each budget against the latest month with data and its year to date, so the bill
	 * and the budget are read together. Over budget is red, under green.
	 */
	private int budgets(Sheet sheet, ReportContents contents, Optional<YearMonth> latest, int rowIndex,
			Columns columns) {
		if (contents.request().scope().budgets().isEmpty() || latest.isEmpty()) {
			return rowIndex;
		}
		YearMonth month = latest.get();
		List<YearMonth> yearToDate = BudgetLine.yearToDate(contents, month);
		this.cells.title(sheet.createRow(rowIndex++), 0, this.messages.get("summary.budgets.title", month.toString(),
				provisional(contents, month), yearToDate.get(0).toString(), month.toString()));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(this.messages.get("grouping.organization"),
				this.messages.get("grouping.projects.name"), this.messages.get("budget.budget"),
				this.messages.get("budget.actual"), this.messages.get("budget.variance"),
				this.messages.get("budget.variancePercent"), this.messages.get("summary.budgets.ytdBudget"),
				this.messages.get("summary.budgets.ytdActual"), this.messages.get("summary.budgets.ytdVariance"));
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
			columns.add(column, headers.get(column));
		}
		for (BudgetLine line : BudgetLine.of(contents, this.messages)) {
			Row row = sheet.createRow(rowIndex);
			columns.text(this.cells, row, 0, line.organizationLabel());
			columns.text(this.cells, row, 1, line.projectName());
			BigDecimal budget = this.cells.money(row, 2, line.monthly());
			BigDecimal actual = this.cells.money(row, 3, line.actual(contents, month));
			String budgetRef = WorkbookCells.ref(rowIndex, 2);
			String actualRef = WorkbookCells.ref(rowIndex, 3);
			this.cells.varianceFormula(row, 4, actualRef + "-" + budgetRef, actual.subtract(budget));
			if (budget.signum() != 0) {
				this.cells.variancePercentFormula(row, 5, actualRef + "/" + budgetRef + "-1",
						actual.doubleValue() / budget.doubleValue() - 1);
			}
			BigDecimal ytdBudget = BigDecimal.ZERO;
			BigDecimal ytdActual = BigDecimal.ZERO;
			for (YearMonth m : yearToDate) {
				ytdBudget = ytdBudget.add(Cents.round(line.monthly()));
				ytdActual = ytdActual.add(Cents.round(line.actual(contents, m)));
			}
			this.cells.money(row, 6, ytdBudget);
			this.cells.money(row, 7, ytdActual);
			this.cells.varianceFormula(row, 8, WorkbookCells.ref(rowIndex, 7) + "-" + WorkbookCells.ref(rowIndex, 6),
					ytdActual.subtract(ytdBudget));
			rowIndex++;
		}
		return rowIndex + 1;
	}

	private String provisional(ReportContents contents, YearMonth month) {
		return contents.months().isProvisional(month) ? this.messages.get("summary.provisionalSuffix") : "";
	}

	/**
	 * Shades a month whose total rose by more than the threshold and by more than the
	 * minimum amount over the month before: a large share of a small bill is not news.
	 */
	private void highlightJumps(Sheet sheet, CellRangeAddress range, int changeColumn) {
		String percent = WorkbookCells.ref(range.getFirstRow(), range.getFirstColumn());
		String change = WorkbookCells.ref(range.getFirstRow(), changeColumn);
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting
			.createConditionalFormattingRule("AND(" + percent + ">" + this.settings.jumpThreshold().toPlainString()
					+ "," + change + ">" + this.settings.jumpMinAmount().toPlainString() + ")");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
	}

	/**
	 * The first grouping's lines that changed most from the month before the latest month
	 * with data to it, either way; the title says when that month is still provisional.
	 */
	private int largestMovers(Sheet sheet, ReportContents contents, Optional<YearMonth> latest, int rowIndex,
			Columns columns) {
		GroupingDimension dimension = new GroupingDimension(contents.summaryGrouping(), this.messages);
		if (latest.isEmpty()) {
			this.cells.title(sheet.createRow(rowIndex), 0, this.messages.get("summary.movers.none"));
			return rowIndex + 2;
		}
		YearMonth month = latest.get();
		YearMonth before = month.minusMonths(1);
		this.cells.title(sheet.createRow(rowIndex++), 0, this.messages.get("summary.movers.title", month.toString(),
				provisional(contents, month), before.toString(), dimension.sheetName()));
		Row header = sheet.createRow(rowIndex++);
		int column = 0;
		this.cells.header(header, column++, this.messages.get("summary.movers.organization"));
		this.cells.header(header, column++, dimension.nameHeader());
		int idColumn = dimension.idHeader().isPresent() ? column++ : -1;
		dimension.idHeader().ifPresent((id) -> this.cells.header(header, idColumn, id));
		int beforeColumn = column++;
		this.cells.monthHeader(header, beforeColumn, before.toString());
		this.cells.monthHeader(header, beforeColumn + 1, month.toString());
		this.cells.header(header, beforeColumn + 2, this.messages.get("summary.change"));
		this.cells.header(header, beforeColumn + 3, this.messages.get("summary.changePercent"));
		columns.add(beforeColumn + 3, "");
		List<GroupingLine> movers = contents.linesOf(contents.summaryGrouping())
			.stream()
			.filter((line) -> change(line, month).signum() != 0)
			.sorted(Comparator.comparing((GroupingLine line) -> change(line, month).abs()).reversed())
			.limit(MOVERS)
			.toList();
		for (GroupingLine line : movers) {
			Row row = sheet.createRow(rowIndex);
			columns.text(this.cells, row, 0, line.organization().label());
			columns.text(this.cells, row, 1, line.dimensionName());
			if (idColumn >= 0) {
				columns.text(this.cells, row, idColumn, line.dimensionId());
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
		return rowIndex + 1;
	}

	private static BigDecimal change(GroupingLine line, YearMonth month) {
		return line.amount(month).subtract(line.amount(month.minusMonths(1)));
	}

	/**
	 * The services that cost most in the latest month with data, all organizations
	 * together, with the month before and their share of that month's bill (a formula on
	 * the bill table's total). Only when the job has the services grouping.
	 */
	private int topServices(Sheet sheet, ReportContents contents, Optional<YearMonth> latest, int rowIndex,
			Columns columns) {
		if (latest.isEmpty() || !contents.groupings().contains(Grouping.SERVICES)) {
			return rowIndex;
		}
		YearMonth month = latest.get();
		YearMonth before = month.minusMonths(1);
		Map<String, BigDecimal[]> byService = new LinkedHashMap<>();
		for (GroupingLine line : contents.linesOf(Grouping.SERVICES)) {
			BigDecimal[] amounts = byService.computeIfAbsent(line.dimensionName(),
					(name) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			amounts[0] = amounts[0].add(line.amount(before));
			amounts[1] = amounts[1].add(line.amount(month));
		}
		List<Map.Entry<String, BigDecimal[]>> top = byService.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[1].signum() != 0)
			.sorted(Comparator.comparing((Map.Entry<String, BigDecimal[]> entry) -> entry.getValue()[1])
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.limit(TOP_SERVICES)
			.toList();
		this.cells.title(sheet.createRow(rowIndex++), 0,
				this.messages.get("summary.services.title", month.toString(), provisional(contents, month)));
		Row header = sheet.createRow(rowIndex++);
		this.cells.header(header, 0, this.messages.get("grouping.services.name"));
		this.cells.monthHeader(header, 1, before.toString());
		this.cells.monthHeader(header, 2, month.toString());
		this.cells.header(header, 3, this.messages.get("summary.change"));
		this.cells.header(header, 4, this.messages.get("summary.services.share"));
		String billRef = new CellReference(FIRST_MONTH_ROW + contents.months().all().indexOf(month),
				1 + contents.organizations().size(), true, true)
			.formatAsString();
		BigDecimal bill = Cents.round(contents.bill(month));
		for (Map.Entry<String, BigDecimal[]> service : top) {
			Row row = sheet.createRow(rowIndex);
			columns.text(this.cells, row, 0, service.getKey());
			BigDecimal was = this.cells.money(row, 1, service.getValue()[0]);
			BigDecimal is = this.cells.money(row, 2, service.getValue()[1]);
			String isRef = WorkbookCells.ref(rowIndex, 2);
			this.cells.moneyFormula(row, 3, isRef + "-" + WorkbookCells.ref(rowIndex, 1), is.subtract(was));
			if (bill.signum() != 0) {
				this.cells.percentFormula(row, 4, isRef + "/" + billRef, is.doubleValue() / bill.doubleValue());
			}
			rowIndex++;
		}
		return rowIndex + 1;
	}

	/**
	 * The table the trend chart plots: months down, the first grouping's biggest values
	 * across (the same value in several organizations is one series), the rest as "Other"
	 * (a column whenever the title promises it), then what the grouping leaves out of the
	 * bill. Each month's row adds up to the summary's total of that month.
	 * @return the chart's width in columns
	 */
	private int trend(Sheet sheet, ReportContents contents, int rowIndex, TrendChart chart, int chartRow,
			int chartColumn) {
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
		boolean other = ranked.size() > shown.size();
		if (other) {
			Series rest = new Series(this.messages.get("summary.trend.other"), new LinkedHashMap<>());
			ranked.subList(shown.size(), ranked.size())
				.forEach((series) -> series.amounts()
					.forEach((month, amount) -> rest.amounts().merge(month, amount, BigDecimal::add)));
			shown.add(rest);
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
		String title = other
				? this.messages.get("summary.trend.title", dimension.nameHeader(), this.settings.chartSeries())
				: this.messages.get("summary.trend.titleAll", dimension.nameHeader());
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
		if (shown.isEmpty()) {
			return 0;
		}
		return chart.plot(
				new TrendChart.Data(this.messages.get("summary.chart.title", dimension.nameHeader()), headerRow,
						firstRow, 0, months, shown.stream().map(Series::name).toList(), values, other),
				chartRow, chartColumn);
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

	/**
	 * What the blocks under the bill table write in each column, so that the columns they
	 * share with it are as wide as their longest text (capped: a longer name wraps).
	 */
	private static final class Columns {

		private final TreeMap<Integer, List<String>> texts = new TreeMap<>();

		void add(int column, @Nullable String text) {
			this.texts.computeIfAbsent(column, (c) -> new ArrayList<>()).add((text != null) ? text : "");
		}

		void text(WorkbookCells cells, Row row, int column, @Nullable String text) {
			add(column, text);
			if (text != null && WorkbookCells.characters(text) > MAX_WIDTH) {
				cells.wrapped(row, column, text);
			}
			else {
				cells.text(row, column, text);
			}
		}

		int widestColumn() {
			return this.texts.isEmpty() ? 0 : this.texts.lastKey();
		}

		/** Widens the sheet's columns to the blocks' texts, never narrows them. */
		void widen(Sheet sheet) {
			this.texts.forEach((column, values) -> sheet.setColumnWidth(column,
					Math.max(sheet.getColumnWidth(column), WorkbookCells.widthFor(12, MAX_WIDTH, values))));
		}

	}

}
