package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import com.atlascost.reports.invoice.Invoice;
import com.atlascost.reports.invoice.ReconciliationLine;

/**
 * The {@code Reconciliation} sheet: per organization and month, Cost Explorer's total
 * against the invoice, the difference as a formula, and what it is made of.
 *
 * <pre>
 * row 0   Organization | Org id | Month | Invoice | Status | Usage | Subtotal | Credits | Sales tax | Billed | Difference | Reconciled | Reason
 * row 1.. label        | id     | date  | id      | PAID   | amount| amount   | -amount | amount    | amount | =F2-J2     | yes / no   | text
 * then    the notes
 * </pre>
 *
 * Credits are negative, as on the invoice's lines. A month is reconciled when tax, noted
 * lines and what is billed but not itemised explain its difference to the cent; only a
 * settled month with an unexplained rest is shaded.
 */
final class ReconciliationSheet implements WorkbookSheet {

	private static final int USAGE = 5;

	private static final int BILLED = 9;

	private static final int DIFFERENCE = 10;

	private static final int RECONCILED = 11;

	private static final int REASON = 12;

	private final WorkbookCells cells;

	private final ReportMessages messages;

	ReconciliationSheet(WorkbookCells cells, ReportSettings settings) {
		this.cells = cells;
		this.messages = settings.messages();
	}

	String name() {
		return this.messages.get("reconciliation.sheet");
	}

	@Override
	public void create(WorkbookDraft workbook) {
		if (workbook.invoices().fetched()) {
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
				this.messages.get("reconciliation.invoices"), this.messages.get("reconciliation.status"),
				this.messages.get("reconciliation.usage"), this.messages.get("reconciliation.subtotal"),
				this.messages.get("reconciliation.credits"), this.messages.get("reconciliation.salesTax"),
				this.messages.get("reconciliation.billed"), this.messages.get("reconciliation.difference"),
				this.messages.get("reconciliation.reconciled"), this.messages.get("reconciliation.reason"));
		Row header = sheet.createRow(0);
		for (int column = 0; column < headers.size(); column++) {
			this.cells.header(header, column, headers.get(column));
		}
		Map<String, Invoice> invoices = report.invoices()
			.stream()
			.collect(Collectors.toMap(Invoice::id, (invoice) -> invoice, (a, b) -> a));
		List<String> labels = new ArrayList<>(List.of(headers.get(0)));
		List<String> reasons = new ArrayList<>(List.of(headers.get(REASON)));
		List<CellRangeAddress> flagged = new ArrayList<>();
		int rowIndex = 1;
		for (ReconciliationLine line : report.reconciliation()) {
			String label = report.label(line.orgMonth().orgId());
			labels.add(label);
			String reason = reason(line);
			reasons.add(reason);
			line(sheet.createRow(rowIndex), rowIndex, label, line, invoices, reason);
			if (line.flagged()) {
				flagged.add(new CellRangeAddress(rowIndex, rowIndex, 0, REASON));
			}
			rowIndex++;
		}
		if (!flagged.isEmpty()) {
			highlightUnexplained(sheet, flagged);
		}
		rowIndex++;
		if (report.reconciliation().isEmpty()) {
			this.cells.note(sheet.createRow(rowIndex++), 0, this.messages.get("reconciliation.note.none"));
		}
		String source = (report.usageSource() != null) ? report.usageSource() : "-";
		this.cells.note(sheet.createRow(rowIndex), 0, this.messages.get("reconciliation.note.usage", source));
		sheet.createFreezePane(2, 1);
		sheet.setColumnWidth(0, WorkbookCells.widthFor(14, 40, labels));
		sheet.setColumnWidth(1, WorkbookCells.widthFor(12, 28, List.of("0123456789abcdef01234567")));
		sheet.setColumnWidth(3, WorkbookCells.widthFor(12, 52, List.of("0123456789abcdef01234567")));
		for (int column = 4; column <= RECONCILED; column++) {
			sheet.setColumnWidth(column, WorkbookCells.widthFor(12, 24, List.of(headers.get(column))));
		}
		sheet.setColumnWidth(REASON, WorkbookCells.widthFor(20, 90, reasons));
	}

	/** An organization's month: usage against the invoice, the difference and why. */
	private void line(Row row, int rowIndex, String label, ReconciliationLine line, Map<String, Invoice> invoices,
			String reason) {
		this.cells.text(row, 0, label);
		this.cells.text(row, 1, line.orgMonth().orgId());
		if (line.provisional()) {
			this.cells.provisionalMonth(row, 2, line.orgMonth().month());
		}
		else {
			this.cells.month(row, 2, line.orgMonth().month());
		}
		this.cells.text(row, 3, String.join(", ", line.invoiceIds()));
		this.cells.text(row, 4,
				line.invoiceIds()
					.stream()
					.map((id) -> invoices.containsKey(id) ? invoices.get(id).status().name() : "")
					.distinct()
					.collect(Collectors.joining(", ")));
		BigDecimal usage = line.usage();
		if (usage != null) {
			this.cells.money(row, USAGE, usage);
		}
		this.cells.money(row, 6, line.subtotal());
		this.cells.money(row, 7, line.credits());
		this.cells.money(row, 8, line.salesTax());
		this.cells.money(row, BILLED, line.billed());
		BigDecimal difference = line.difference();
		if (difference != null) {
			this.cells.moneyFormula(row, DIFFERENCE,
					WorkbookCells.ref(rowIndex, USAGE) + "-" + WorkbookCells.ref(rowIndex, BILLED), difference);
		}
		this.cells.text(row, RECONCILED,
				this.messages.get(line.reconciled() ? "reconciliation.yes" : "reconciliation.no"));
		this.cells.text(row, REASON, reason);
	}

	/** What the difference is made of, or that usage and billed match. */
	private String reason(ReconciliationLine line) {
		if (line.reasons().isEmpty()) {
			return this.messages.get("reconciliation.reconciles");
		}
		return line.reasons()
			.stream()
			.map((reason) -> this.messages.get("reconciliation." + reason.kind().name(),
					reason.amount().toPlainString(), reason.detail()))
			.collect(Collectors.joining("; "));
	}

	/**
	 * The rows of settled months with an unexplained rest, shaded while their Reconciled
	 * cell says no (the rule's references are relative to the first row).
	 */
	private void highlightUnexplained(Sheet sheet, List<CellRangeAddress> rows) {
		String reconciled = "$" + WorkbookCells.ref(rows.get(0).getFirstRow(), RECONCILED);
		String no = this.messages.get("reconciliation.no").replace("\"", "\"\"");
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(reconciled + "=\"" + no + "\"");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillBackgroundColor(IndexedColors.ROSE.getIndex());
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		formatting.addConditionalFormatting(rows.toArray(CellRangeAddress[]::new), rule);
	}

}
