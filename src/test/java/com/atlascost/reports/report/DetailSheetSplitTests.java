package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.atlascost.reports.report.WorkbookAssertions.cents;
import static com.atlascost.reports.report.WorkbookAssertions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.usage.StoredUsage;

/**
 * Past the rows one sheet may hold, the detail continues on further sheets, each its own
 * table, and the run-info sheet says so. A limit of 7 stands in for Excel's 1,048,575.
 */
class DetailSheetSplitTests {

	@TempDir
	Path temp;

	@Test
	void rowsPastTheLimitContinueOnFurtherSheetsEachATable() throws IOException {
		List<StoredUsage> rows = ReportRequestFixture.realisticRows();
		Path file = this.temp.resolve("split.xlsx");
		ReportSettings settings = new ReportSettings(Locale.ENGLISH, new BigDecimal("0.25"), new BigDecimal("500"), 5,
				7);
		try (OutputStream out = Files.newOutputStream(file)) {
			new WorkbookWriter(settings).write(ReportRequestFixture.request("split", rows), InvoiceReport.none(), out);
		}
		try (XSSFWorkbook workbook = WorkbookAssertions.open(file)) {
			List<String> names = new ArrayList<>();
			workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("Summary", "Projects", "Services", "Detail", "Detail (2)", "Detail (3)",
					"Run info");
			BigDecimal amounts = BigDecimal.ZERO;
			int lines = 0;
			for (String name : List.of("Detail", "Detail (2)", "Detail (3)")) {
				XSSFSheet detail = workbook.getSheet(name);
				assertThat(detail.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Organization");
				assertThat(detail.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
				assertThat(detail.getTables()).singleElement()
					.satisfies((table) -> assertThat(table.getArea().getLastCell().getRow())
						.isEqualTo(detail.getLastRowNum()));
				for (int r = 1; r <= detail.getLastRowNum(); r++) {
					amounts = amounts.add(cents(detail.getRow(r).getCell(10).getNumericCellValue()));
					lines++;
				}
			}
			assertThat(workbook.getSheet("Detail").getLastRowNum()).isEqualTo(7);
			assertThat(workbook.getSheet("Detail (3)").getLastRowNum()).isEqualTo(6);
			assertThat(lines).isEqualTo(rows.size());
			assertThat(amounts).isEqualByComparingTo(sum(rows, (r) -> true));
			Sheet runInfo = workbook.getSheet("Run info");
			String detailSheets = null;
			for (Row row : runInfo) {
				if (row.getCell(0) != null
						&& row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& "Detail sheets".equals(row.getCell(0).getStringCellValue())) {
					detailSheets = row.getCell(1).getStringCellValue();
				}
			}
			assertThat(detailSheets).isEqualTo(
					"Detail, Detail (2), Detail (3) (a sheet holds at most 7 rows below its header, Excel's limit;"
							+ " the rows continue on the next sheet)");
		}
	}

}
