package com.atlascost.reports.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.formula.ConditionalFormattingEvaluator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.atlascost.reports.report.ReportRequestFixture.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

/**
 * Fourteen settled months of one organization's services, with the trend chart limited to
 * one series: rises are shaded only above both the share and the amount (conditional
 * formats evaluated by POI, not only read), the grouping sheet prints across pages with
 * its name columns repeated, and the trend has the Other column its title promises.
 */
class LongRangeWorkbookTests {

	private static final YearMonth FROM = YearMonth.of(2025, 8);

	private static final YearMonth TO = FROM.plusMonths(13);

	@TempDir
	Path dir;

	private XSSFWorkbook workbook;

	@BeforeEach
	void write() throws IOException {
		List<StoredUsage> rows = new ArrayList<>();
		for (int m = 0; m < 14; m++) {
			YearMonth month = FROM.plusMonths(m);
			// Clusters: +40 % ($400) in month 5, +100 % ($1,000) in month 9
			String clusters = (m == 5) ? "1400.00" : (m == 9) ? "2000.00" : "1000.00";
			rows.add(ReportRequestFixture.service(1 + m, ORG_A, month, "Clusters", clusters));
			// Backup: +40 % ($40) in month 3
			rows.add(ReportRequestFixture.service(1 + m, ORG_A, month, "Backup", (m == 3) ? "140.00" : "100.00"));
			rows.add(ReportRequestFixture.service(1 + m, ORG_A, month, "Support", "50.00"));
		}
		ReportRequest request = ReportRequestFixture.inMemory("long-range", FROM, TO, List.of(Grouping.SERVICES), rows,
				Map.of(), "2025-02-19", Instant.parse("2026-12-01T06:00:00Z"), new TreeSet<>(),
				ReportRequestFixture.billsOf(rows));
		ReportFiles files = new ReportWriter(this.dir, new WorkbookWriter(new ReportSettings(Locale.ENGLISH,
				new BigDecimal("0.25"), new BigDecimal("500"), 1, ReportSettings.EXCEL_DATA_ROWS)),
				new FocusCsvWriter())
			.write(request, InvoiceReport.none());
		this.workbook = WorkbookAssertions.open(files.workbook());
	}

	@AfterEach
	void close() throws IOException {
		this.workbook.close();
	}

	@Test
	void aRiseIsShadedOnlyAboveBothTheShareAndTheAmount() {
		ConditionalFormattingEvaluator formats = new ConditionalFormattingEvaluator(this.workbook,
				(XSSFFormulaEvaluator) this.workbook.getCreationHelper().createFormulaEvaluator());
		Sheet services = this.workbook.getSheet("Services");
		int clusters = lineOf(services, "Clusters");
		int backup = lineOf(services, "Backup");
		List<String> shaded = new ArrayList<>();
		for (int row : List.of(clusters, backup)) {
			for (int m = 1; m < 14; m++) {
				CellReference cell = new CellReference("Services", row, 2 + m, false, false);
				if (!formats.getConditionalFormattingForCell(cell).isEmpty()) {
					shaded.add(services.getRow(row).getCell(1).getStringCellValue() + " " + FROM.plusMonths(m));
				}
			}
		}
		// +40 % but $400 (Clusters) or $40 (Backup) is not news; +100 % and $1,000 is
		assertThat(shaded).containsExactly("Clusters " + FROM.plusMonths(9));
		Sheet summary = this.workbook.getSheet("Summary");
		List<YearMonth> shadedMonths = new ArrayList<>();
		for (int m = 1; m < 14; m++) {
			CellReference percent = new CellReference("Summary", SummarySheet.FIRST_MONTH_ROW + m, 4, false, false);
			if (!formats.getConditionalFormattingForCell(percent).isEmpty()) {
				shadedMonths.add(FROM.plusMonths(m));
			}
		}
		assertThat(shadedMonths).containsExactly(FROM.plusMonths(9));
		assertThat(summary.getRow(SummarySheet.FIRST_MONTH_ROW + 5).getCell(4).getNumericCellValue())
			.isGreaterThan(0.25);
	}

	@Test
	void aGroupingSheetOfMoreThan13MonthsPrintsAcrossPagesWithItsNameColumnsRepeated() {
		XSSFSheet services = this.workbook.getSheet("Services");
		assertThat(services.getFitToPage()).isFalse();
		assertThat(services.getPrintSetup().getLandscape()).isTrue();
		assertThat(services.getRepeatingColumns().formatAsString()).isEqualTo("A:B");
		assertThat(services.getRepeatingRows().formatAsString()).isEqualTo("1:1");
		assertThat(services.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 2);
	}

	@Test
	void theTrendHasTheOtherColumnItsTitlePromises() {
		Sheet summary = this.workbook.getSheet("Summary");
		int title = -1;
		for (Row row : summary) {
			Cell cell = row.getCell(0);
			if (cell != null && cell.getCellType() == CellType.STRING
					&& cell.getStringCellValue().startsWith("Monthly trend by")) {
				title = row.getRowNum();
			}
		}
		assertThat(summary.getRow(title).getCell(0).getStringCellValue())
			.isEqualTo("Monthly trend by Service: the 1 biggest, then Other");
		Row header = summary.getRow(title + 1);
		assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Clusters");
		assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Other");
		// Backup and Support in the first month
		assertThat(summary.getRow(title + 2).getCell(2).getNumericCellValue()).isEqualTo(150.0);
	}

	private static int lineOf(Sheet sheet, String service) {
		for (Row row : sheet) {
			Cell cell = row.getCell(1);
			if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING
					&& cell.getStringCellValue().equals(service)) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no line " + service);
	}

}
