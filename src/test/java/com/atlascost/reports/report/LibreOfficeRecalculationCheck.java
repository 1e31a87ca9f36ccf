package com.atlascost.reports.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every formula of the workbook recalculated by LibreOffice, not by us: the report of the
 * realistic run (budgets, forecast, both languages) has each formula's stored value
 * replaced by a sentinel, LibreOffice opens and saves it again, and every formula must
 * then hold the value we wrote, to the cent (shares to 1e-9). A formula LibreOffice could
 * not compute would keep the sentinel or become an error.
 *
 * <p>
 * Slow (LibreOffice starts twice) and needs {@code soffice} on the PATH, so its name
 * keeps it out of the default test run; it is skipped, not failed, without LibreOffice:
 *
 * <pre>
 * apt-get install -y libreoffice-calc
 * ./mvnw -B test -Dtest=LibreOfficeRecalculationCheck -Djacoco.skip=true
 * </pre>
 */
class LibreOfficeRecalculationCheck {

	private static final double SENTINEL = -987654.321;

	private static final String RECALCULATE_ON_LOAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
			<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
			</oor:items>
			""";

	@TempDir
	Path dir;

	@Test
	void libreOfficeComputesEveryFormulaToTheValueWeWrote() throws Exception {
		assumeTrue(soffice(), "soffice (LibreOffice) is not on the PATH");
		for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
			Path out = Files.createDirectories(this.dir.resolve(locale.getLanguage()));
			Path written = new ReportWriter(out,
					new WorkbookWriter(new ReportSettings(locale, new BigDecimal("0.25"), new BigDecimal("500"), 5,
							ReportSettings.EXCEL_DATA_ROWS)),
					new FocusCsvWriter())
				.write(ReportRequestFixture.withBudgetsAndForecast(), InvoiceReport.none())
				.workbook();
			Map<String, Double> expected = new LinkedHashMap<>();
			Path blanked = out.resolve("blanked.xlsx");
			try (XSSFWorkbook book = open(written)) {
				for (Sheet sheet : book) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.FORMULA) {
								expected.put(address(sheet, cell), cell.getNumericCellValue());
								cell.setCellValue(SENTINEL);
							}
						}
					}
				}
				try (OutputStream stream = Files.newOutputStream(blanked)) {
					book.write(stream);
				}
			}
			Path converted = Files.createDirectories(out.resolve("recalculated"));
			Path profile = out.resolve("profile");
			// LibreOffice keeps an .xlsx file's stored values unless told to recalculate
			// on load (OOXMLRecalcMode 0 = always)
			Files.createDirectories(profile.resolve("user"));
			Files.writeString(profile.resolve("user").resolve("registrymodifications.xcu"), RECALCULATE_ON_LOAD);
			Process process = new ProcessBuilder("soffice", "--headless", "--norestore",
					"-env:UserInstallation=file://" + profile.toAbsolutePath(), "--convert-to",
					"xlsx:Calc MS Excel 2007 XML", "--outdir", converted.toString(), blanked.toString())
				.redirectErrorStream(true)
				.redirectOutput(out.resolve("soffice.log").toFile())
				.start();
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("LibreOffice finished").isTrue();
			assertThat(process.exitValue()).as(Files.readString(out.resolve("soffice.log"))).isZero();
			List<String> checked = new ArrayList<>();
			try (XSSFWorkbook book = open(converted.resolve("blanked.xlsx"))) {
				for (Map.Entry<String, Double> formula : expected.entrySet()) {
					String[] at = formula.getKey().split("!");
					Cell cell = cell(book.getSheet(at[0]), new CellReference(at[1]));
					assertThat(cell.getCachedFormulaResultType()).as(formula.getKey()).isEqualTo(CellType.NUMERIC);
					assertThat(cell.getNumericCellValue()).as(formula.getKey())
						.isCloseTo(formula.getValue(), Offset.offset(1e-9 * Math.max(1, Math.abs(formula.getValue()))));
					checked.add(formula.getKey());
				}
			}
			System.out.printf("%s: LibreOffice recalculated %d formulas to the values written%n", locale,
					checked.size());
			assertThat(checked).hasSizeGreaterThan(60);
		}
	}

	private static Cell cell(Sheet sheet, CellReference reference) {
		return sheet.getRow(reference.getRow()).getCell(reference.getCol());
	}

	private static String address(Sheet sheet, Cell cell) {
		return sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false);
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static boolean soffice() {
		try {
			Process process = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
