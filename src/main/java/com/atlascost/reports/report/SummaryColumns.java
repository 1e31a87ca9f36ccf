package com.atlascost.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * What the blocks under the {@code Summary}'s bill table write in each column, so that
 * the columns they share with it fit their longest text (capped: longer names wrap).
 */
final class SummaryColumns {

	/**
	 * The widest a column under the bill table gets, in characters; longer text wraps.
	 */
	private static final int MAX_WIDTH = 40;

	private final TreeMap<Integer, List<String>> texts = new TreeMap<>();

	void add(int column, @Nullable String text) {
		this.texts.computeIfAbsent(column, (c) -> new ArrayList<>()).add((text != null) ? text : "");
	}

	void text(WorkbookCells cells, Row row, int column, @Nullable String text) {
		add(column, text);
		if (text != null && WorkbookCells.characters(text) > MAX_WIDTH) {
			cells.wrapped(row, column, text);
		}
		else {
			cells.text(row, column, text);
		}
	}

	int widestColumn() {
		return this.texts.isEmpty() ? 0 : this.texts.lastKey();
	}

	/** Widens the sheet's columns to the blocks' texts, never narrows them. */
	void widen(Sheet sheet) {
		this.texts.forEach((column, values) -> sheet.setColumnWidth(column,
				Math.max(sheet.getColumnWidth(column), WorkbookCells.widthFor(12, MAX_WIDTH, values))));
	}

}
