package com.atlascost.reports.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.testsupport.WorkbookReader;
import com.atlascost.reports.usage.StoredUsage;

/** Reading a written workbook back and comparing its money to BigDecimal sums. */
final class WorkbookAssertions {

	private WorkbookAssertions() {
	}

	static XSSFWorkbook open(Path file) throws IOException {
		return WorkbookReader.open(file);
	}

	static BigDecimal cents(double value) {
		return WorkbookReader.cents(value);
	}

	static BigDecimal sum(List<StoredUsage> rows, Predicate<StoredUsage> filter) {
		return rows.stream().filter(filter).map(StoredUsage::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * A plain amount: a numeric cell with the currency format holding the expected cents.
	 */
	static void assertMoney(Cell cell, BigDecimal expected) {
		assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.CURRENCY_FORMAT);
		assertThat(cents(cell.getNumericCellValue())).as("cell %s", cell.getAddress())
			.isEqualByComparingTo(expected.setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * A total: a SUM formula whose stored value and whose evaluation both equal the
	 * expected cents.
	 */
	static void assertTotal(Cell cell, FormulaEvaluator evaluator, BigDecimal expected) {
		BigDecimal cents = expected.setScale(2, RoundingMode.HALF_UP);
		assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.FORMULA);
		assertThat(cell.getCellFormula()).startsWith("SUM(");
		assertThat(cell.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.CURRENCY_FORMAT);
		assertThat(cents(cell.getNumericCellValue())).as("stored value of %s", cell.getAddress())
			.isEqualByComparingTo(cents);
		assertThat(cents(evaluator.evaluate(cell).getNumberValue())).as("evaluated %s", cell.getAddress())
			.isEqualByComparingTo(cents);
	}

}
