package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jspecify.annotations.Nullable;

/**
 * Writes typed cells with the workbook's few shared styles (a workbook holds a limited
 * number of styles, so they are made once, not per cell).
 *
 * <p>
 * Text is only ever written with {@code setCellValue(String)}: names come from the API
 * and must never become formulas. Money is rounded to the cent and turned into a double
 * only here, because POI has no decimal cells.
 */
final class WorkbookCells {

	static final String CURRENCY_FORMAT = "\"$\"#,##0.00;[Red]-\"$\"#,##0.00";

	static final String MONTH_FORMAT = "yyyy-mm";

	static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

	private final CellStyle header;

	private final CellStyle bold;

	private final CellStyle money;

	private final CellStyle moneyTotal;

	private final CellStyle month;

	private final CellStyle dateTime;

	WorkbookCells(Workbook workbook) {
		Font boldFont = workbook.createFont();
		boldFont.setBold(true);
		short currency = workbook.createDataFormat().getFormat(CURRENCY_FORMAT);

		this.header = workbook.createCellStyle();
		this.header.setFont(boldFont);
		this.header.setWrapText(true);
		this.bold = workbook.createCellStyle();
		this.bold.setFont(boldFont);
		this.money = workbook.createCellStyle();
		this.money.setDataFormat(currency);
		this.moneyTotal = workbook.createCellStyle();
		this.moneyTotal.setDataFormat(currency);
		this.moneyTotal.setFont(boldFont);
		this.month = workbook.createCellStyle();
		this.month.setDataFormat(workbook.createDataFormat().getFormat(MONTH_FORMAT));
		this.dateTime = workbook.createCellStyle();
		this.dateTime.setDataFormat(workbook.createDataFormat().getFormat(DATE_TIME_FORMAT));
	}

	void text(Row row, int column, @Nullable String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	void header(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.header);
	}

	void bold(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.bold);
	}

	/** Writes the amount rounded to the cent and returns what the cell holds. */
	BigDecimal money(Row row, int column, BigDecimal amount) {
		BigDecimal cents = Cents.round(amount);
		Cell cell = row.createCell(column);
		cell.setCellValue(cents.doubleValue());
		cell.setCellStyle(this.money);
		return cents;
	}

	/**
	 * Writes a total as a SUM formula, so the sheet stays live when finance edits it,
	 * together with its value: readers that do not calculate (scripts, previews) see the
	 * number too. An empty range gets the value alone, as a reversed range would sum the
	 * header.
	 * @param value the sum of the cells the formula adds, as those cells hold them
	 */
	void total(Row row, int column, int firstRow, int lastRow, int firstColumn, int lastColumn, BigDecimal value) {
		Cell cell = row.createCell(column);
		if (lastRow >= firstRow && lastColumn >= firstColumn) {
			cell.setCellFormula(
					"SUM(" + new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn).formatAsString() + ")");
		}
		cell.setCellValue(Cents.round(value).doubleValue());
		cell.setCellStyle(this.moneyTotal);
	}

	void month(Row row, int column, YearMonth value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value.atDay(1));
		cell.setCellStyle(this.month);
	}

	void dateTime(Row row, int column, @Nullable Instant value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
			cell.setCellStyle(this.dateTime);
		}
	}

	void bool(Row row, int column, boolean value) {
		row.createCell(column).setCellValue(value);
	}

	void number(Row row, int column, long value) {
		row.createCell(column).setCellValue(value);
	}

}
