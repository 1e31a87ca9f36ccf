package com.atlascost.reports.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCols;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;
import org.jspecify.annotations.Nullable;

/**
 * Sets a sheet's column widths from left to right, in time proportional to the columns:
 * POI's {@link Sheet#setColumnWidth} copies every column the sheet defines to find one. A
 * column right of every defined one is defined here the way POI defines it (one column,
 * its width, custom); any other goes through POI.
 */
final class ColumnWidths {

	private static final int MAX_WIDTH = 255 * 256;

	private final Sheet sheet;

	private final @Nullable CTCols columns;

	/** The rightmost defined column, 1-based as the file counts them. */
	private long rightmost;

	private ColumnWidths(Sheet sheet, @Nullable CTCols columns) {
		this.sheet = sheet;
		this.columns = columns;
		if (columns != null) {
			for (CTCol column : columns.getColArray()) {
				this.rightmost = Math.max(this.rightmost, column.getMax());
			}
		}
	}

	static ColumnWidths of(Sheet sheet) {
		CTWorksheet worksheet = WorkbookDraft.underneath(sheet).getCTWorksheet();
		// POI keeps one list of columns; any other shape is left to POI
		return new ColumnWidths(sheet, (worksheet.sizeOfColsArray() == 1) ? worksheet.getColsArray(0) : null);
	}

	/**
	 * @param column the column, 0-based
	 * @param width in 256ths of a character, as {@link Sheet#setColumnWidth}
	 */
	void set(int column, int width) {
		long index = column + 1L;
		if (this.columns == null || index <= this.rightmost) {
			this.sheet.setColumnWidth(column, width);
			return;
		}
		if (width > MAX_WIDTH) {
			throw new IllegalArgumentException("The maximum column width for an individual cell is 255 characters.");
		}
		CTCol defined = this.columns.addNewCol();
		defined.setMin(index);
		defined.setMax(index);
		defined.setWidth((double) width / 256);
		defined.setCustomWidth(true);
		this.rightmost = index;
	}

}
