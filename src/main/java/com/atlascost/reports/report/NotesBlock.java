package com.atlascost.reports.report;

import java.time.YearMonth;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * The {@code Summary}'s notes: which of the three amounts each figure is, the fiscal
 * year, which months may still change, the currency and what the highlights mean.
 */
final class NotesBlock implements SummaryBlock {

	@Override
	public int write(SummaryContext summary, int row) {
		Sheet sheet = summary.sheet();
		WorkbookCells cells = summary.cells();
		ReportMessages messages = summary.messages();
		ReportMonths months = summary.contents().months();
		int rowIndex = row;
		cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.note.bill"));
		cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.note.usage"));
		cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.note.fiscal",
				summary.contents().request().scope().accounting().fiscalYearStart(), messages
					.get("basis." + summary.contents().request().scope().accounting().budgetBasis().jobFileName())));
		if (!months.provisional().isEmpty()) {
			cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.note.provisional",
					months.provisional().stream().map(YearMonth::toString).collect(Collectors.joining(", "))));
		}
		cells.note(sheet.createRow(rowIndex++), 0, messages.get("summary.note.currency"));
		cells.note(sheet.createRow(rowIndex++), 0,
				messages.get("summary.note.jump", summary.settings().jumpPercent(), summary.settings().jumpAmount()));
		return rowIndex;
	}

}
