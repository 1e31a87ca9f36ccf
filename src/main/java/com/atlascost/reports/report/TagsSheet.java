package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.atlascost.reports.invoice.OrgMonth;
import com.atlascost.reports.invoice.TagLine;

/**
 * The {@code Tags} sheet, written when the job file asks for tags: per organization,
 * month and tag key, the cost of each value and {@code (untagged)}, then a SUM formula
 * that equals the month's billed amount.
 *
 * <pre>
 * row 0   Organization | Org id | Month | Tag key | Tag value  | Amount
 * row 1.. label        | id     | date  | team    | payments   | amount
 *         ...                             team    | (untagged) | amount
 *                                         team    | Total      | =SUM(F2:F4)
 * </pre>
 */
final class TagsSheet implements WorkbookSheet {

	private static final int AMOUNT = 5;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	TagsSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
	}

	String name() {
		return this.messages.get("tags.sheet");
	}

	@Override
	public void create(WorkbookDraft workbook) {
		if (!workbook.invoices().tagKeys().isEmpty()) {
			workbook.createSheet(name());
		}
	}

	@Override
	public void write(WorkbookDraft workbook, ReportContents contents, PrintLayout print) {
		workbook.sheet(name()).ifPresent((sheet) -> {
			write(sheet, workbook.invoices());
			print.fitToWidth(sheet, 1);
		});
	}

	private void write(Sheet sheet, InvoiceReport report) {
		List<String> headers = List.of(this.messages.get("grouping.organization"),
				this.messages.get("grouping.organizations.id"), this.messages.get("summary.month"),
				this.messages.get("tags.key"), this.messages.get("tags.value"), this.messages.get("tags.amount"));
		Row header = sheet.createRow(0);
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		List<String> labels = new ArrayList<>(List.of(headers.get(0)));
		List<String> values = new ArrayList<>(List.of(headers.get(4)));
		int rowIndex = 1;
		int groupStart = 1;
		BigDecimal groupTotal = BigDecimal.ZERO;
		List<TagLine> lines = report.tags();
		for (int i = 0; i < lines.size(); i++) {
			TagLine line = lines.get(i);
			Row row = sheet.createRow(rowIndex);
			String label = report.label(line.orgMonth().orgId());
			labels.add(label);
			values.add(line.value());
			writeKey(row, label, line.orgMonth(), line.key(), line.provisional());
			this.cells.text(row, 4, line.value());
			this.cells.money(row, AMOUNT, line.amount());
			groupTotal = groupTotal.add(line.amount());
			rowIndex++;
			boolean lastOfKey = i + 1 == lines.size() || !lines.get(i + 1).orgMonth().equals(line.orgMonth())
					|| !lines.get(i + 1).key().equals(line.key());
			if (lastOfKey) {
				Row total = sheet.createRow(rowIndex);
				writeKey(total, label, line.orgMonth(), line.key(), line.provisional());
				this.cells.bold(total, 4, this.messages.get("summary.total"));
				this.cells.total(total, AMOUNT, groupStart, rowIndex - 1, AMOUNT, AMOUNT, groupTotal);
				rowIndex++;
				groupStart = rowIndex;
				groupTotal = BigDecimal.ZERO;
			}
		}
		rowIndex++;
		this.cells.note(sheet.createRow(rowIndex), 0,
				this.messages.get(report.tagKeys().isEmpty() ? "tags.none" : "tags.note"));
		sheet.createFreezePane(0, 1);
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, labels));
		sheet.setColumnWidth(1, WorkbookCells.widthFor(12, 28, List.of("0123456789abcdef01234567")));
		sheet.setColumnWidth(4, WorkbookCells.widthFor(14, 40, values));
		sheet.setColumnWidth(AMOUNT, WorkbookCells.widthFor(12, 24, List.of(headers.get(AMOUNT))));
	}

	private void writeKey(Row row, String label, OrgMonth orgMonth, String key, boolean provisional) {
		this.cells.text(row, 0, label);
		this.cells.text(row, 1, orgMonth.orgId());
		if (provisional) {
			this.cells.provisionalMonth(row, 2, orgMonth.month());
		}
		else {
			this.cells.month(row, 2, orgMonth.month());
		}
		this.cells.text(row, 3, key);
	}

}
