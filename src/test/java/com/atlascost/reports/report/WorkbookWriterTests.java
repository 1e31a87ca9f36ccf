package com.atlascost.reports.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

import static com.atlascost.reports.report.ReportRequestFixture.FORMULA_NAME;
import static com.atlascost.reports.report.ReportRequestFixture.NOV;
import static com.atlascost.reports.report.ReportRequestFixture.OCT;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_A;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_B;
import static com.atlascost.reports.report.ReportRequestFixture.P1;
import static com.atlascost.reports.report.ReportRequestFixture.P2;
import static com.atlascost.reports.report.ReportRequestFixture.P3;
import static com.atlascost.reports.report.ReportRequestFixture.SEP;
import static com.atlascost.reports.report.WorkbookAssertions.assertMoney;
import static com.atlascost.reports.report.WorkbookAssertions.assertTotal;
import static com.atlascost.reports.report.WorkbookAssertions.cents;
import static com.atlascost.reports.report.WorkbookAssertions.sum;
import static org.assertj.core.api.Assertions.assertThat;

class WorkbookWriterTests {

	private static final List<YearMonth> MONTHS = List.of(SEP, OCT, NOV);

	@TempDir
	Path reports;

	private final List<StoredUsage> rows = ReportRequestFixture.realisticRows();

	private XSSFWorkbook workbook;

	private FormulaEvaluator evaluator;

	@BeforeEach
	void writeReport() throws IOException {
		ReportFiles files = new ReportWriter(this.reports)
			.write(ReportRequestFixture.request("finance-monthly", this.rows));
		this.workbook = WorkbookAssertions.open(files.workbook());
		this.evaluator = this.workbook.getCreationHelper().createFormulaEvaluator();
	}

	@AfterEach
	void close() throws IOException {
		this.workbook.close();
	}

	@Test
	void sheetsAreSummaryThenGroupingsInJobOrderThenDetailAndRunInfo() {
		List<String> names = new ArrayList<>();
		this.workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
		assertThat(names).containsExactly("Summary", "Projects", "Services", "Detail", "Run info");
	}

	@Test
	void summaryHasMonthsDownOrganizationsAcrossWithLabelsAndIds() {
		Sheet summary = this.workbook.getSheet("Summary");
		assertThat(texts(summary.getRow(0))).containsExactly("Month", "Acme Labs", "Acme Production", "Total",
				"Provisional");
		assertThat(texts(summary.getRow(1))).containsExactly("Organization id", ORG_B, ORG_A);
		for (int m = 0; m < MONTHS.size(); m++) {
			Cell month = summary.getRow(2 + m).getCell(0);
			assertThat(month.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONTHS.get(m).atDay(1));
			assertThat(month.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm");
		}
		assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Total");
		assertThat(summary.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
		assertThat(summary.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 1);
	}

	@Test
	void summaryTotalsEqualTheProjectsGroupingRowsToTheCent() {
		Sheet summary = this.workbook.getSheet("Summary");
		List<String> orgColumns = List.of(ORG_B, ORG_A);
		for (int m = 0; m < MONTHS.size(); m++) {
			YearMonth month = MONTHS.get(m);
			Row row = summary.getRow(2 + m);
			for (int o = 0; o < orgColumns.size(); o++) {
				String org = orgColumns.get(o);
				assertMoney(row.getCell(1 + o), sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS
						&& r.organizationId().equals(org) && ReportMonths.monthOf(r).equals(month)));
			}
			assertTotal(row.getCell(3), this.evaluator,
					sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS && ReportMonths.monthOf(r).equals(month)));
		}
		Row totals = summary.getRow(5);
		for (int o = 0; o < orgColumns.size(); o++) {
			String org = orgColumns.get(o);
			assertTotal(totals.getCell(1 + o), this.evaluator,
					sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS && r.organizationId().equals(org)));
		}
		assertTotal(totals.getCell(3), this.evaluator, sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS));
		assertThat(cents(totals.getCell(3).getNumericCellValue())).isEqualByComparingTo("515.92");
	}

	@Test
	void summaryShowsAnEmptyMonthAsZero() {
		assertMoney(this.workbook.getSheet("Summary").getRow(3).getCell(1), BigDecimal.ZERO);
	}

	@Test
	void summaryNamesItsGroupingAndMarksTheProvisionalMonth() {
		Sheet summary = this.workbook.getSheet("Summary");
		assertThat(text(summary.getRow(2), 4)).isNull();
		assertThat(text(summary.getRow(3), 4)).isNull();
		assertThat(text(summary.getRow(4), 4)).isEqualTo("provisional");
		assertThat(text(summary.getRow(7), 0)).startsWith("Totals from the 'projects' grouping.");
		assertThat(text(summary.getRow(8), 0))
			.isEqualTo("Provisional months (2026-11): the amounts may change until the month settles.");
		assertThat(text(summary.getRow(9), 0)).isEqualTo("Amounts in US dollars; credits are negative.");
	}

	@Test
	void projectsSheetHasOneLinePerOrganizationAndProjectBiggestFirst() {
		Sheet projects = this.workbook.getSheet("Projects");
		assertThat(texts(projects.getRow(0))).containsExactly("Organization", "Project", "Project id", "2026-09",
				"2026-10", "2026-11 (provisional)", "Total");
		assertThat(List.of(texts(projects.getRow(1)), texts(projects.getRow(2)), texts(projects.getRow(3)),
				texts(projects.getRow(4))))
			.containsExactly(List.of("Acme Production", "checkout", P1), List.of("Acme Production", "search", P2),
					List.of("Acme Labs", "ml-lab", P3), List.of("Acme Production", "(no project)"));
		assertThat(projects.getRow(4).getCell(2)).isNull();
		assertThat(text(projects.getRow(5), 0)).isEqualTo("Total");
		assertThat(projects.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
		assertThat(projects.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 3);
	}

	@Test
	void projectsSheetAmountsAndTotalsEqualTheRows() {
		Sheet projects = this.workbook.getSheet("Projects");
		List<List<String>> lines = List.of(List.of(ORG_A, P1), List.of(ORG_A, P2), List.of(ORG_B, P3),
				Arrays.asList(ORG_A, null));
		for (int l = 0; l < lines.size(); l++) {
			String org = lines.get(l).get(0);
			String project = lines.get(l).get(1);
			Row row = projects.getRow(1 + l);
			for (int m = 0; m < MONTHS.size(); m++) {
				YearMonth month = MONTHS.get(m);
				assertMoney(row.getCell(3 + m),
						sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS && r.organizationId().equals(org)
								&& Objects.equals(r.projectId(), project) && ReportMonths.monthOf(r).equals(month)));
			}
			assertTotal(row.getCell(6), this.evaluator, sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS
					&& r.organizationId().equals(org) && Objects.equals(r.projectId(), project)));
		}
		assertMoney(projects.getRow(4).getCell(3), new BigDecimal("15.00"));
		assertMoney(projects.getRow(4).getCell(4), new BigDecimal("-20.00"));
		Row totals = projects.getRow(5);
		for (int m = 0; m < MONTHS.size(); m++) {
			YearMonth month = MONTHS.get(m);
			assertTotal(totals.getCell(3 + m), this.evaluator,
					sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS && ReportMonths.monthOf(r).equals(month)));
		}
		assertTotal(totals.getCell(6), this.evaluator, sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS));
	}

	@Test
	void servicesSheetHasNoIdColumnAndTotalsEqualTheRows() {
		Sheet services = this.workbook.getSheet("Services");
		assertThat(texts(services.getRow(0))).containsExactly("Organization", "Service", "2026-09", "2026-10",
				"2026-11 (provisional)", "Total");
		List<List<String>> expected = List.of(List.of("Acme Production", "Clusters"), List.of("Acme Labs", "Clusters"),
				List.of("Acme Production", "Backup"), List.of("Acme Production", "Support"),
				List.of("Acme Labs", "Credits"), List.of("Acme Production", "Credits"));
		for (int l = 0; l < expected.size(); l++) {
			Row row = services.getRow(1 + l);
			assertThat(texts(row)).isEqualTo(expected.get(l));
			String label = expected.get(l).get(0);
			String service = expected.get(l).get(1);
			assertTotal(row.getCell(5), this.evaluator, sum(this.rows, (r) -> r.groupBy() == Grouping.SERVICES
					&& r.organizationLabel().equals(label) && r.service().equals(service)));
		}
		Row totals = services.getRow(7);
		assertThat(text(totals, 0)).isEqualTo("Total");
		assertTotal(totals.getCell(5), this.evaluator, sum(this.rows, (r) -> r.groupBy() == Grouping.SERVICES));
	}

	@Test
	void everyFormulaIsASumWhoseStoredValueIsWhatItEvaluatesTo() {
		int formulas = 0;
		for (Sheet sheet : this.workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.FORMULA) {
						formulas++;
						assertThat(cell.getCellFormula()).matches("SUM\\([A-Z]+[0-9]+:[A-Z]+[0-9]+\\)");
						assertThat(cents(this.evaluator.evaluate(cell).getNumberValue()))
							.isEqualByComparingTo(cents(cell.getNumericCellValue()));
					}
				}
			}
		}
		// summary 3 row totals + 3 column totals; projects 4 + 4; services 6 + 4
		assertThat(formulas).isEqualTo(6 + 8 + 10);
	}

	@Test
	void detailHasEveryRowUnderAFrozenFilteredHeader() {
		XSSFSheet detail = this.workbook.getSheet("Detail");
		assertThat(texts(detail.getRow(0))).isEqualTo(DetailSheet.HEADERS);
		assertThat(detail.getLastRowNum()).isEqualTo(this.rows.size());
		assertThat(detail.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
		assertThat(detail.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M21");
		BigDecimal amounts = BigDecimal.ZERO;
		int provisional = 0;
		for (int r = 1; r <= this.rows.size(); r++) {
			Cell amount = detail.getRow(r).getCell(10);
			assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.CURRENCY_FORMAT);
			amounts = amounts.add(cents(amount.getNumericCellValue()));
			provisional += detail.getRow(r).getCell(11).getBooleanCellValue() ? 1 : 0;
		}
		assertThat(amounts).isEqualByComparingTo(sum(this.rows, (r) -> true));
		assertThat(provisional).isEqualTo(6);
	}

	@Test
	void detailRowsCarryTypedCells() {
		// projects first, then organizations by label: Acme Labs' September project row
		// leads
		Row first = this.workbook.getSheet("Detail").getRow(1);
		assertThat(texts(first).subList(0, 4)).containsExactly("Acme Labs", ORG_B, FORMULA_NAME, "projects");
		assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm");
		assertThat(text(first, 5)).isEqualTo(P3);
		assertThat(text(first, 6)).isEqualTo("ml-lab");
		assertThat(first.getCell(7)).isNull();
		assertThat(first.getCell(9)).isNull();
		assertMoney(first.getCell(10), new BigDecimal("40.00"));
		assertThat(first.getCell(11).getCellType()).isEqualTo(CellType.BOOLEAN);
		assertThat(first.getCell(11).getBooleanCellValue()).isFalse();
		assertThat(first.getCell(12).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 3, 4, 5, 6));
		assertThat(first.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");

		Row last = this.workbook.getSheet("Detail").getRow(this.rows.size());
		assertThat(texts(last)).containsExactly("Acme Production", ORG_A, "Acme Prod", "services");
		assertThat(text(last, 9)).isEqualTo("Clusters");
		assertMoney(last.getCell(10), new BigDecimal("60.33"));
		assertThat(last.getCell(11).getBooleanCellValue()).isTrue();
	}

	@Test
	void aNameThatLooksLikeAFormulaStaysLiteralText() {
		Cell name = this.workbook.getSheet("Detail").getRow(1).getCell(2);
		assertThat(name.getCellType()).isEqualTo(CellType.STRING);
		assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
	}

	@Test
	void runInfoSaysWhatProducedTheNumbers() {
		Sheet runInfo = this.workbook.getSheet("Run info");
		Map<String, Object> values = new LinkedHashMap<>();
		for (Row row : runInfo) {
			if (row.getCell(0) != null) {
				Cell value = row.getCell(1);
				values.put(row.getCell(0).getStringCellValue(),
						(value == null) ? null : (value.getCellType() == CellType.NUMERIC) ? value.getNumericCellValue()
								: value.getStringCellValue());
			}
		}
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("Job", "finance-monthly");
		expected.put("Months", "2026-09 to 2026-11");
		expected.put("Groupings", "projects, services");
		expected.put("Summary grouping", "projects");
		expected.put("API version", "2025-02-19");
		expected.put("Generated at (UTC)", "2026-12-01T06:00:00Z");
		expected.put("Provisional months", "2026-11");
		expected.put("Usage rows", 20.0);
		expected.put("Parameters", null);
		expected.put("from", "2026-09");
		expected.put("job", "jobs/finance-monthly.yml");
		expected.put("to", "2026-11");
		assertThat(values).containsExactlyEntriesOf(expected);
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			if (cell.getCellType() != CellType.STRING) {
				break;
			}
			texts.add(cell.getStringCellValue());
		}
		return texts;
	}

	private static String text(Row row, int column) {
		Cell cell = (row != null) ? row.getCell(column) : null;
		return (cell != null) ? cell.getStringCellValue() : null;
	}

}
