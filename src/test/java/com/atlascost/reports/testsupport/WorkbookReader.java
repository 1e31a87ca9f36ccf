package com.atlascost.reports.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads a written workbook back, the one way every test does: the file as Excel opens it,
 * cells as text or as cents.
 */
public final class WorkbookReader {

	private WorkbookReader() {
	}

	/** The whole workbook, read into memory; the file is closed again. */
	public static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	/** A stored amount as the cents a reader sees. */
	public static BigDecimal cents(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	/** A numeric cell's amount as cents. */
	public static BigDecimal cents(Cell cell) {
		return cents(cell.getNumericCellValue());
	}

	/** A text cell's text; empty for a missing or non-text cell. */
	public static String text(@Nullable Cell cell) {
		return (cell == null || cell.getCellType() != CellType.STRING) ? "" : cell.getStringCellValue();
	}

	/** Every cell's text in a row, empty where a cell is not text. */
	public static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((cell) -> texts.add(text(cell)));
		return texts;
	}

	public static List<String> sheetNames(Workbook book) {
		List<String> names = new ArrayList<>();
		book.forEach((sheet) -> names.add(sheet.getSheetName()));
		return names;
	}

	/** The column whose cell in this row holds exactly this text. */
	public static int columnOf(Sheet sheet, int rowIndex, String text) {
		for (Cell cell : sheet.getRow(rowIndex)) {
			if (text(cell).equals(text)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column for " + text + " in row " + (rowIndex + 1) + " of " + sheet.getSheetName());
	}

	/** The index of the first row whose first cell's text starts with this prefix. */
	public static int rowStartingWith(Sheet sheet, String prefix) {
		for (Row row : sheet) {
			if (text(row.getCell(0)).startsWith(prefix)) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no row starting with " + prefix + " on " + sheet.getSheetName());
	}

}
