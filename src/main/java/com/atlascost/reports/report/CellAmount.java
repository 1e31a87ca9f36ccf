package com.atlascost.reports.report;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;

/**
 * The number a cell holds for a sum of money, only when the cell shows it to the cent
 * (POI's cells hold binary floating point): a spreadsheet keeps 15 significant digits, so
 * from 10 trillion dollars on the cents would be lost (12345678901234567.89 shows as
 * 12345678901234600.00).
 */
final class CellAmount {

	/** Whole dollars a cell holds to the cent: 15 significant digits less the cents. */
	static final int MAX_WHOLE_DIGITS = 13;

	private CellAmount() {
	}

	/**
	 * The amount, rounded to the cent, as the cell's double.
	 * @throws AmountTooLargeException naming the sheet, the cell and the amount
	 */
	static double of(Cell cell, BigDecimal cents) {
		if (cents.precision() - cents.scale() > MAX_WHOLE_DIGITS) {
			throw new AmountTooLargeException(cell.getSheet().getSheetName(),
					new CellReference(cell).formatAsString(false), cents);
		}
		return cents.doubleValue();
	}

}
