package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
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

	static final String PERCENT_FORMAT = "0.0%;[Red]-0.0%";

	private final CellStyle header;

	private final CellStyle bold;

	private final CellStyle money;

	private final CellStyle moneyTotal;

	private final CellStyle month;

	private final CellStyle dateTime;

	private final CellStyle percent;

	private final CellStyle provisionalMonth;

	private final CellStyle title;

	private final CellStyle note;

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
		this.percent = workbook.createCellStyle();
		this.percent.setDataFormat(workbook.createDataFormat().getFormat(PERCENT_FORMAT));
		this.provisionalMonth = workbook.createCellStyle();
		this.provisionalMonth.setDataFormat(workbook.createDataFormat().getFormat(MONTH_FORMAT));
		this.provisionalMonth.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
		this.provisionalMonth.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		Font italic = workbook.createFont();
		italic.setItalic(true);
		italic.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
		this.provisionalMonth.setFont(italic);
		Font titleFont = workbook.createFont();
		titleFont.setBold(true);
		titleFont.setFontHeightInPoints((short) 12);
		this.title = workbook.createCellStyle();
		this.title.setFont(titleFont);
		this.note = workbook.createCellStyle();
		this.note.setFont(italic);
	}

	void text(Row row, int column, @Nullable String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	void header(Row row, int column, @Nullable String value) {
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

	/** A month whose amounts may still change: same date cell, visibly shaded. */
	void provisionalMonth(Row row, int column, YearMonth value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value.atDay(1));
		cell.setCellStyle(this.provisionalMonth);
	}

	void title(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.title);
	}

	void note(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.note);
	}

	/**
	 * Writes a money formula of our own making (never text from the API) with the value
	 * it evaluates to, for readers that do not calculate.
	 */
	void moneyFormula(Row row, int column, String formula, BigDecimal value) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
		cell.setCellValue(Cents.round(value).doubleValue());
		cell.setCellStyle(this.money);
	}

	/** A ratio formula ({@code 0.25} shows as 25.0%) with the value it evaluates to. */
	void percentFormula(Row row, int column, String formula, double value) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
		cell.setCellValue(value);
		cell.setCellStyle(this.percent);
	}

	/** An A1 reference of a cell, relative unless asked otherwise. */
	static String ref(int row, int column) {
		return new CellReference(row, column).formatAsString();
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

	/**
	 * Prints landscape, as wide as one page and as long as it takes: month columns make
	 * these sheets wide, and a cut-off column is the worst a printout can do.
	 */
	static void printLandscapeFitToWidth(Sheet sheet) {
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
	}

	/**
	 * A column width that fits the longest text, in Excel's 1/256 of a character; wide
	 * characters (Japanese) count twice. POI's autosize would need every row in memory.
	 */
	static int widthFor(int minimum, int maximum, Iterable<String> texts) {
		int longest = minimum;
		for (String text : texts) {
			if (text != null) {
				int width = text.codePoints().map((c) -> (c > 0x2E80) ? 2 : 1).sum() + 2;
				longest = Math.max(longest, width);
			}
		}
		return Math.min(longest, maximum) * 256;
	}

}
