package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Grouping;

/**
 * The {@code Run info} sheet: what produced the numbers, as two columns (what, value),
 * then the parameters, the queries by state and the reconciliation.
 *
 * <pre>
 * Job                | finance-monthly
 * Months             | 2026-09 to 2026-11
 * Groupings          | Projects, Services  (in the report's language)
 * Summary grouping   | Projects
 * API version        | 2025-02-19
 * Generated at (UTC) | 2026-12-01T06:00:00Z
 * Provisional months | 2026-11            (or "none")
 * Usage rows         | 42                 (a number)
 * Detail sheets      | Detail             (more when the rows pass Excel's limit)
 *                    |
 * Parameters         |
 * key                | value              (one line per parameter, by key)
 *                    |
 * Queries            |
 * Done               | 12                 (one line per state)
 *                    |
 * Run summary        |                    (when the run gave one)
 * what               | value              (one line per entry, in the run's order)
 *                    |
 * Reconciliation     |
 * Month | Grouping | Summary total | Grouping total | Difference | Why
 * </pre>
 *
 * The reconciliation is computed from the rows: each grouping's total of each month
 * against the bill (the summary's total), with the difference and its cause.
 */
final class RunInfoSheet implements WorkbookSheet {

	private final WorkbookCells cells;

	private final ReportMessages messages;

	private final int detailRowsPerSheet;

	RunInfoSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
		this.detailRowsPerSheet = settings.detailRowsPerSheet();
	}

	String name() {
		return this.messages.get("runInfo.sheet");
	}

	/** Creates the sheet after the Detail sheets it lists. */
	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		Sheet sheet = workbook.createSheet(name());
		write(sheet, contents, workbook.detailSheets());
		print.fitToWidth(sheet, 0);
	}

	private void write(Sheet sheet, ReportContents contents, List<String> detailSheets) {
		int rowIndex = run(sheet, contents, detailSheets);
		rowIndex = parameters(sheet, contents, rowIndex + 1);
		ReportRequest request = contents.request();
		if (!request.run().queryCounts().isEmpty()) {
			rowIndex = queries(sheet, request, rowIndex + 1);
		}
		if (!request.run().summary().entries().isEmpty()) {
			rowIndex = runSummary(sheet, contents, rowIndex + 1);
		}
		rowIndex++;
		reconciliation(sheet, contents, rowIndex);
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 60 * 256);
		for (int column = 2; column <= 4; column++) {
			sheet.setColumnWidth(column, 16 * 256);
		}
		sheet.setColumnWidth(5, 90 * 256);
		sheet.createFreezePane(1, 0);
	}

	/**
	 * What produced the numbers, one line each.
	 * @return the row after them
	 */
	private int run(Sheet sheet, ReportContents contents, List<String> detailSheets) {
		ReportRequest request = contents.request();
		int rowIndex = 0;
		line(sheet.createRow(rowIndex++), "runInfo.job", request.scope().jobName());
		line(sheet.createRow(rowIndex++), "runInfo.months", this.messages.get("runInfo.monthsValue",
				request.scope().from().toString(), request.scope().to().toString()));
		line(sheet.createRow(rowIndex++), "runInfo.groupings",
				contents.groupings().stream().map(this::groupingName).collect(Collectors.joining(", ")));
		line(sheet.createRow(rowIndex++), "runInfo.summaryGrouping", groupingName(contents.summaryGrouping()));
		line(sheet.createRow(rowIndex++), "runInfo.apiVersion", request.run().apiVersion());
		line(sheet.createRow(rowIndex++), "runInfo.generatedAt",
				DateTimeFormatter.ISO_INSTANT.format(request.run().generatedAt().truncatedTo(ChronoUnit.SECONDS)));
		line(sheet.createRow(rowIndex++), "runInfo.provisionalMonths", contents.months().provisional().isEmpty()
				? this.messages.get("runInfo.none")
				: contents.months().provisional().stream().map(YearMonth::toString).collect(Collectors.joining(", ")));
		Row rowCount = sheet.createRow(rowIndex++);
		this.cells.bold(rowCount, 0, this.messages.get("runInfo.usageRows"));
		this.cells.number(rowCount, 1, contents.rowCount());
		line(sheet.createRow(rowIndex++), "runInfo.detailSheets",
				(detailSheets.size() > 1) ? this.messages.get("runInfo.detailSheetsSplit",
						String.join(", ", detailSheets), String.format("%,d", this.detailRowsPerSheet))
						: String.join(", ", detailSheets));
		return rowIndex;
	}

	/**
	 * The run's parameters, under their header from a row.
	 * @return the row after them
	 */
	private int parameters(Sheet sheet, ReportContents contents, int firstRow) {
		ReportRequest request = contents.request();
		int rowIndex = firstRow;
		this.cells.header(sheet.createRow(rowIndex++), 0, this.messages.get("runInfo.parameters"));
		// Sorted by key: the same run reads the same, whatever map the caller built.
		Map<String, String> parameters = new TreeMap<>(request.run().parameters());
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, this.messages.getOrDefault(
					"runInfo.parameter." + parameter.getKey().replaceAll("[^A-Za-z0-9]+", "-"), parameter.getKey()));
			String value = parameter.getValue();
			this.cells.text(row, 1,
					("true".equals(value) || "false".equals(value)) ? this.messages.get("runInfo." + value) : value);
		}
		return rowIndex;
	}

	/**
	 * The queries by state, under their header from a row.
	 * @return the row after them
	 */
	private int queries(Sheet sheet, ReportRequest request, int firstRow) {
		int rowIndex = firstRow;
		this.cells.header(sheet.createRow(rowIndex++), 0, this.messages.get("runInfo.queries"));
		for (Map.Entry<String, Long> count : new TreeMap<>(request.run().queryCounts()).entrySet()) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, this.messages.getOrDefault("state." + count.getKey(), count.getKey()));
			this.cells.number(row, 1, count.getValue());
		}
		return rowIndex;
	}

	/**
	 * The run summary's lines, under their header from a row.
	 * @return the row after them
	 */
	private int runSummary(Sheet sheet, ReportContents contents, int firstRow) {
		ReportRequest request = contents.request();
		int rowIndex = firstRow;
		this.cells.header(sheet.createRow(rowIndex++), 0, this.messages.get("runInfo.runSummary"));
		for (RunSummaryLines.Line line : new RunSummaryLines(this.messages).lines(request.run().summary(), contents)) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, line.label());
			if (line.value() instanceof BigDecimal amount) {
				this.cells.money(row, 1, amount);
			}
			else if (line.value() instanceof Long count) {
				this.cells.number(row, 1, count);
			}
			else {
				this.cells.wrapped(row, 1, line.value().toString());
			}
		}
		return rowIndex;
	}

	private void reconciliation(Sheet sheet, ReportContents contents, int rowIndex) {
		this.cells.title(sheet.createRow(rowIndex++), 0, this.messages.get("runInfo.reconciliation"));
		Row header = sheet.createRow(rowIndex++);
		List<String> headers = List.of(this.messages.get("summary.month"), this.messages.get("runInfo.grouping"),
				this.messages.get("runInfo.summaryTotal"), this.messages.get("runInfo.groupingTotal"),
				this.messages.get("runInfo.difference"), this.messages.get("runInfo.why"));
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		for (YearMonth month : contents.months().all()) {
			BigDecimal summaryTotal = contents.bill(month);
			for (Grouping grouping : contents.groupings()) {
				BigDecimal groupingTotal = contents.total(grouping, month);
				Row row = sheet.createRow(rowIndex);
				this.cells.month(row, 0, month);
				this.cells.text(row, 1, groupingName(grouping));
				BigDecimal shownSummary = this.cells.money(row, 2, summaryTotal);
				BigDecimal shownGrouping = this.cells.money(row, 3, groupingTotal);
				BigDecimal difference = shownGrouping.subtract(shownSummary);
				this.cells.moneyFormula(row, 4, WorkbookCells.ref(rowIndex, 3) + "-" + WorkbookCells.ref(rowIndex, 2),
						difference);
				this.cells.text(row, 5, why(contents, grouping, difference));
				rowIndex++;
			}
		}
	}

	private String why(ReportContents contents, Grouping grouping, BigDecimal difference) {
		if (difference.signum() == 0) {
			return this.messages.get("runInfo.tiesOut");
		}
		if (difference.signum() > 0) {
			return this.messages.get("runInfo.whyMore", groupingName(grouping));
		}
		if (!contents.request().scope().includePartialMatches()) {
			return this.messages.get("runInfo.whyPartial", groupingName(grouping));
		}
		return this.messages.get("runInfo.whyFilters", groupingName(grouping));
	}

	/** A grouping as its sheet is named, in the report's language. */
	private String groupingName(Grouping grouping) {
		return new GroupingDimension(grouping, this.messages).sheetName();
	}

	private void line(Row row, String key, @Nullable String value) {
		this.cells.bold(row, 0, this.messages.get(key));
		this.cells.text(row, 1, value);
	}

}
