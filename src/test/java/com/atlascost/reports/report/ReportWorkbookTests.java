package com.atlascost.reports.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming workbook keeps small sheets in memory and spills a large one to a
 * compressed temporary file, and either way writes every row back.
 */
class ReportWorkbookTests {

	/** POI's temporary files go here, so nothing else on the machine is counted. */
	@TempDir
	Path poiFiles;

	@BeforeEach
	void poiWritesItsTemporaryFilesHere() {
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(this.poiFiles.toFile()));
	}

	@AfterEach
	void poiWritesItsTemporaryFilesWhereItDid() {
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
	}

	@Test
	void smallSheetsStayInMemoryAndAreWrittenWhole() throws IOException {
		ReportWorkbook workbook = new ReportWorkbook();
		fill(workbook.createSheet("Summary"), 150, "東京 summary");
		fill(workbook.createSheet("Detail"), 300, "detail");
		assertThat(files()).as("past the 100 rows POI keeps as objects, still no file").isEmpty();

		byte[] written = write(workbook);

		assertThat(workbook.dispose()).isTrue();
		assertThat(files()).isEmpty();
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(written))) {
			assertRows(read.getSheet("Summary"), 150, "東京 summary");
			assertRows(read.getSheet("Detail"), 300, "detail");
		}
	}

	@Test
	void aLargeSheetSpillsToOneCompressedFileAndIsWrittenWhole() throws IOException {
		ReportWorkbook workbook = new ReportWorkbook();
		fill(workbook.createSheet("Summary"), 5, "summary");
		// 10 cells of 110 characters a row: past the limit after about 950 rows
		fill(workbook.createSheet("Detail"), 2_000, "東京 " + "x".repeat(100));
		assertThat(files()).singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).startsWith("poi-sxssf-sheet-xml")
				.endsWith(".gz"));

		byte[] written = write(workbook);

		assertThat(workbook.dispose()).isTrue();
		assertThat(files()).as("deleted by dispose()").isEmpty();
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(written))) {
			assertRows(read.getSheet("Summary"), 5, "summary");
			assertRows(read.getSheet("Detail"), 2_000, "東京 " + "x".repeat(100));
		}
	}

	@Test
	void disposingBeforeWritingDeletesTheSpilledFile() throws IOException {
		ReportWorkbook workbook = new ReportWorkbook();
		fill(workbook.createSheet("Detail"), 2_000, "x".repeat(110));
		assertThat(files()).hasSize(1);

		assertThat(workbook.dispose()).isTrue();

		assertThat(files()).isEmpty();
	}

	/** Rows of ten text cells, each naming its row and column. */
	private static void fill(Sheet sheet, int rows, String text) {
		for (int r = 0; r < rows; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < 10; c++) {
				row.createCell(c).setCellValue(text + " " + r + "/" + c);
			}
		}
	}

	private static void assertRows(Sheet sheet, int rows, String text) {
		assertThat(sheet.getLastRowNum()).isEqualTo(rows - 1);
		for (int r : List.of(0, rows / 2, rows - 1)) {
			assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo(text + " " + r + "/0");
			assertThat(sheet.getRow(r).getCell(9).getStringCellValue()).isEqualTo(text + " " + r + "/9");
		}
	}

	private static byte[] write(ReportWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.poiFiles)) {
			return files.toList();
		}
	}

}
