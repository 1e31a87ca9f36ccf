package com.atlascost.reports.report;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.plan.Grouping;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Run info} sheet: what produced the numbers, as two columns (what, value).
 *
 * <pre>
 * Job                | finance-monthly
 * Months             | 2026-09 to 2026-11
 * Groupings          | projects, services
 * Summary grouping   | projects
 * API version        | 2025-02-19
 * Generated at (UTC) | 2026-12-01T06:00:00Z
 * Provisional months | 2026-11            (or "none")
 * Usage rows         | 42                 (a number)
 *                    |
 * Parameters         |
 * key                | value              (one line per parameter, by key)
 *                    |
 * Run summary        |                    (when the run gave one)
 * what               | value              (one line per entry, in the run's order)
 * </pre>
 */
final class RunInfoSheet {

	static final String NAME = "Run info";

	private final WorkbookCells cells;

	RunInfoSheet(WorkbookCells cells) {
		this.cells = cells;
	}

	void write(Sheet sheet, ReportContents contents) {
		ReportRequest request = contents.request();
		int rowIndex = 0;
		line(sheet.createRow(rowIndex++), "Job", request.jobName());
		line(sheet.createRow(rowIndex++), "Months", request.from() + " to " + request.to());
		line(sheet.createRow(rowIndex++), "Groupings",
				contents.groupings().stream().map(Grouping::apiName).collect(Collectors.joining(", ")));
		line(sheet.createRow(rowIndex++), "Summary grouping", contents.summaryGrouping().apiName());
		line(sheet.createRow(rowIndex++), "API version", request.apiVersion());
		line(sheet.createRow(rowIndex++), "Generated at (UTC)", (request.generatedAt() != null)
				? DateTimeFormatter.ISO_INSTANT.format(request.generatedAt().truncatedTo(ChronoUnit.SECONDS)) : null);
		line(sheet.createRow(rowIndex++), "Provisional months", contents.months().provisional().isEmpty() ? "none"
				: contents.months().provisional().stream().map(YearMonth::toString).collect(Collectors.joining(", ")));
		Row rowCount = sheet.createRow(rowIndex++);
		this.cells.bold(rowCount, 0, "Usage rows");
		this.cells.number(rowCount, 1, contents.rows().size());

		rowIndex++;
		this.cells.header(sheet.createRow(rowIndex++), 0, "Parameters");
		// Sorted by key: the same run always reads the same, whatever map the caller
		// built.
		Map<String, String> parameters = (request.parameters() != null) ? new TreeMap<>(request.parameters())
				: Map.of();
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			Row row = sheet.createRow(rowIndex++);
			this.cells.text(row, 0, parameter.getKey());
			this.cells.text(row, 1, parameter.getValue());
		}
		if (request.runSummary() != null && !request.runSummary().isEmpty()) {
			rowIndex++;
			this.cells.header(sheet.createRow(rowIndex++), 0, "Run summary");
			for (Map.Entry<String, String> entry : request.runSummary().entrySet()) {
				Row row = sheet.createRow(rowIndex++);
				this.cells.text(row, 0, entry.getKey());
				this.cells.text(row, 1, entry.getValue());
			}
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 60 * 256);
	}

	private void line(Row row, String what, @Nullable String value) {
		this.cells.bold(row, 0, what);
		this.cells.text(row, 1, value);
	}

}
