package com.atlascost.reports.report;

import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A cell holds an amount only when it shows it to the cent. */
class CellAmountTests {

	@Test
	void thirteenWholeDigitsAndTheCentsAreTheLargestAmountACellShowsExactly() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Cell cell = workbook.createSheet("Summary").createRow(4).createCell(2);

			assertThat(CellAmount.of(cell, new BigDecimal("9999999999999.99"))).isEqualTo(9_999_999_999_999.99);
			assertThat(CellAmount.of(cell, new BigDecimal("-9999999999999.99"))).isEqualTo(-9_999_999_999_999.99);
			assertThat(CellAmount.of(cell, new BigDecimal("0.01"))).isEqualTo(0.01);
			assertThatExceptionOfType(AmountTooLargeException.class)
				.isThrownBy(() -> CellAmount.of(cell, new BigDecimal("10000000000000.00")))
				.withMessageStartingWith("The report was not written: 10000000000000.00 USD (sheet 'Summary', cell C5)"
						+ " has more than 13 digits before the cents");
		}
	}

}
