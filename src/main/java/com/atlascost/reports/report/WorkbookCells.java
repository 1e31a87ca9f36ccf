package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.jspecify.annotations.Nullable;

import com.atlascost.reports.summary.Cents;

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

	/**
	 * Over budget (positive) red, under budget (negative) green: the currency format's
	 * red-for-negative would colour saving money as a warning.
	 */
	static final String VARIANCE_FORMAT = "[Red]\"$\"#,##0.00;[Color10]-\"$\"#,##0.00;\"$\"0.00";

	static final String VARIANCE_PERCENT_FORMAT = "[Red]0.0%;[Color10]-0.0%;0.0%";

	/**
	 * The Japanese workbook's font: present on Windows 8.1+ and with Office for Mac. A
	 * cell font names one face, so there is no fallback list to write; where Yu Gothic is
	 * missing, the Shift JIS charset declared with it makes Excel substitute a Japanese
	 * font of the system (Meiryo or MS PGothic on older Windows), never a Latin one.
	 */
	static final String JAPANESE_FONT = "Yu Gothic";

	/** Shift JIS, the charset Excel uses to pick a Japanese substitute font. */
	private static final int JAPANESE_CHARSET = 128;

	/**
	 * The workbook's default style, given explicitly to plain text cells: the streaming
	 * writer looks up a column style for each cell without one, walking the sheet's
	 * column definitions, as many as a grouping sheet has months. Written the same: style
	 * 0 is no {@code s} attribute.
	 */
	private final CellStyle plain;

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

	private final CellStyle monthHeader;

	private final CellStyle variance;

	private final CellStyle variancePercent;

	private final CellStyle wrappedText;

	WorkbookCells(Workbook workbook) {
		this(workbook, Locale.ENGLISH);
	}

	/**
	 * @param locale Japanese declares a Japanese font on every font of the workbook and
	 * writes notes upright (italic Japanese is a synthetic slant that reads badly)
	 */
	WorkbookCells(Workbook workbook, Locale locale) {
		boolean japanese = "ja".equals(locale.getLanguage());
		if (japanese) {
			japanese(workbook.getFontAt(0));
		}
		Font boldFont = workbook.createFont();
		boldFont.setBold(true);
		short currency = workbook.createDataFormat().getFormat(CURRENCY_FORMAT);

		this.plain = workbook.getCellStyleAt(0);
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
		italic.setItalic(!japanese);
		italic.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
		this.provisionalMonth.setFont(italic);
		Font titleFont = workbook.createFont();
		titleFont.setBold(true);
		titleFont.setFontHeightInPoints((short) 12);
		this.title = workbook.createCellStyle();
		this.title.setFont(titleFont);
		this.note = workbook.createCellStyle();
		this.note.setFont(italic);
		// a month label never wraps: on two lines, "2026-11 (provisional)" reads as
		// two cells
		this.monthHeader = workbook.createCellStyle();
		this.monthHeader.setFont(boldFont);
		this.monthHeader.setWrapText(false);
		this.variance = workbook.createCellStyle();
		this.variance.setDataFormat(workbook.createDataFormat().getFormat(VARIANCE_FORMAT));
		this.variancePercent = workbook.createCellStyle();
		this.variancePercent.setDataFormat(workbook.createDataFormat().getFormat(VARIANCE_PERCENT_FORMAT));
		this.wrappedText = workbook.createCellStyle();
		this.wrappedText.setWrapText(true);
		if (japanese) {
			for (int i = 1; i < workbook.getNumberOfFonts(); i++) {
				japanese(workbook.getFontAt(i));
			}
		}
	}

	private static void japanese(Font font) {
		font.setFontName(JAPANESE_FONT);
		font.setCharSet(JAPANESE_CHARSET);
		// the default font names the theme's minor font, which Excel would use instead
		if (font instanceof XSSFFont xssf) {
			xssf.setScheme(FontScheme.NONE);
		}
	}

	/** A month as a column header: bold, never wrapped. */
	void monthHeader(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.monthHeader);
	}

	/** Text that may be long (a name, a reason): wrapped within its capped column. */
	void wrapped(Row row, int column, @Nullable String value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(this.wrappedText);
		}
	}

	/**
	 * A difference to a budget (actual less budget) with the value it evaluates to: over
	 * red, under green.
	 */
	void varianceFormula(Row row, int column, String formula, BigDecimal value) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
		cell.setCellValue(CellAmount.of(cell, Cents.round(value)));
		cell.setCellStyle(this.variance);
	}

	/**
	 * A difference to a budget as a share of it, coloured like {@link #varianceFormula}.
	 */
	void variancePercentFormula(Row row, int column, String formula, double value) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
		cell.setCellValue(value);
		cell.setCellStyle(this.variancePercent);
	}

	void text(Row row, int column, @Nullable String value) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(this.plain);
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
		cell.setCellValue(CellAmount.of(cell, cents));
		cell.setCellStyle(this.money);
		return cents;
	}

	/**
	 * Writes a total as a SUM formula, so the sheet stays live when finance edits it,
	 * together with its value: readers that do not calculate (scripts, previews) see the
	 * number too. An empty range gets the value alone (a reversed range would sum the
	 * header row).
	 * @param value the sum of the cells the formula adds, as those cells hold them
	 */
	void total(Row row, int column, int firstRow, int lastRow, int firstColumn, int lastColumn, BigDecimal value) {
		Cell cell = row.createCell(column);
		if (lastRow >= firstRow && lastColumn >= firstColumn) {
			cell.setCellFormula(
					"SUM(" + new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn).formatAsString() + ")");
		}
		cell.setCellValue(CellAmount.of(cell, Cents.round(value)));
		cell.setCellStyle(this.moneyTotal);
	}

	/** A total of our own formula (cells apart), styled as {@link #total} writes it. */
	void moneyTotalFormula(Row row, int column, String formula, BigDecimal value) {
		Cell cell = row.createCell(column);
		cell.setCellFormula(formula);
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
		cell.setCellValue(CellAmount.of(cell, Cents.round(value)));
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

	void number(Row row, int column, long value) {
		row.createCell(column).setCellValue(value);
	}

	/**
	 * A column width that fits the longest text, in Excel's 1/256 of a character; wide
	 * characters (Japanese) count twice. POI's autosize would need every row in memory.
	 */
	static int widthFor(int minimum, int maximum, Iterable<String> texts) {
		int longest = minimum;
		for (String text : texts) {
			if (text != null) {
				int width = characters(text) + 2;
				longest = Math.max(longest, width);
			}
		}
		return Math.min(longest, maximum) * 256;
	}

	/** How many characters wide a text shows: wide characters (Japanese) count twice. */
	static int characters(String text) {
		return text.codePoints().map((c) -> (c > 0x2E80) ? 2 : 1).sum();
	}

}
