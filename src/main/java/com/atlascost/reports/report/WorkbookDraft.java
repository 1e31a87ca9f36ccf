package com.atlascost.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

/**
 * A workbook while its sheets are written: what they are written from, the rows' sums,
 * and what one sheet hands on to a later one.
 */
final class WorkbookDraft {

	private final Workbook workbook;

	private final ReportRequest request;

	private final InvoiceReport invoices;

	private final ReportContents.Sums sums;

	private Consumer<StoredUsage> eachRow;

	private final List<RowWriter> rowWriters = new ArrayList<>();

	private List<String> detailSheets = List.of();

	/**
	 * @param workbook the streaming workbook, or {@link PoiWarmUp}'s in-memory one
	 */
	WorkbookDraft(Workbook workbook, ReportRequest request, InvoiceReport invoices, ReportContents.Sums sums) {
		this.workbook = workbook;
		this.request = request;
		this.invoices = invoices;
		this.sums = sums;
		this.eachRow = sums;
	}

	ReportRequest request() {
		return this.request;
	}

	InvoiceReport invoices() {
		return this.invoices;
	}

	Sheet createSheet(String name) {
		return this.workbook.createSheet(name);
	}

	/** Creates a sheet and moves it right after another. */
	Sheet createSheetAfter(Sheet previous, String name) {
		int position = this.workbook.getSheetIndex(previous) + 1;
		Sheet sheet = this.workbook.createSheet(name);
		this.workbook.setSheetOrder(name, position);
		return sheet;
	}

	Optional<Sheet> sheet(String name) {
		return Optional.ofNullable(this.workbook.getSheet(name));
	}

	/** Hands each row, once summed, to a sheet that writes the rows as they are read. */
	void writeRowsWith(RowWriter writer) {
		this.eachRow = this.eachRow.andThen(writer);
		this.rowWriters.add(writer);
	}

	/**
	 * Reads the request's rows once, in order.
	 * @return their sums
	 */
	ReportContents readRows() {
		this.request.rows().forEach(this.eachRow);
		this.rowWriters.forEach(RowWriter::finish);
		return this.sums.contents();
	}

	/** @see ReportContents.Sums#provisional */
	boolean provisional(StoredUsage row) {
		return this.sums.provisional(row);
	}

	/** Groupings the rows carried that the job does not list. */
	Set<Grouping> groupingsOnlyRowsCarry() {
		return this.sums.groupingsOnlyRowsCarry();
	}

	List<String> detailSheets() {
		return this.detailSheets;
	}

	void detailSheets(List<String> names) {
		this.detailSheets = List.copyOf(names);
	}

	/**
	 * The sheet POI keeps underneath a streaming one, where charts, tables and column
	 * definitions live; an in-memory sheet is its own.
	 */
	static XSSFSheet underneath(Sheet sheet) {
		return (sheet instanceof SXSSFSheet streaming)
				? streaming.getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName()) : (XSSFSheet) sheet;
	}

	/** A sheet's writer of the rows, one at a time as they are read. */
	interface RowWriter extends Consumer<StoredUsage> {

		/** Called once the last row is written. */
		void finish();

	}

}
