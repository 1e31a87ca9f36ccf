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
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import static com.atlascost.reports.testsupport.WorkbookReader.rowStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;

class WorkbookWriterTests {

	private static final List<YearMonth> MONTHS = List.of(SEP, OCT, NOV);

	@TempDir
	Path reports;

	private final List<StoredUsage> rows = ReportRequestFixture.realisticRows();

	private XSSFWorkbook workbook;

	private FormulaEvaluator evaluator;

	@BeforeEach
	void writeReport() throws IOException {
		ReportFiles files = ReportRequestFixture.writer(this.reports)
			.write(ReportRequestFixture.request("finance-monthly", this.rows), InvoiceReport.none());
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
	void aGroupingOnlyTheRowsCarryGetsItsSheetAfterTheJobsGroupings() throws IOException {
		// the job lists services only; the projects rows still get their sheet, after it
		ReportRequest request = ReportRequestFixture.inMemory("finance-monthly", SEP, NOV, List.of(Grouping.SERVICES),
				this.rows, Map.of(), "2025-02-19", ReportRequestFixture.OPEN_FETCH, new TreeSet<>(List.of(NOV)),
				ReportRequestFixture.billsOf(this.rows));
		ReportFiles files = ReportRequestFixture.writer(this.reports.resolve("services-first"))
			.write(request, InvoiceReport.none());
		try (XSSFWorkbook services = WorkbookAssertions.open(files.workbook())) {
			List<String> names = new ArrayList<>();
			services.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("Summary", "Services", "Projects", "Detail", "Run info");
			Sheet projects = services.getSheet("Projects");
			assertThat(texts(projects.getRow(1))).containsExactly("Acme Labs", "ml-lab", P3);
			assertMoney(projects.getRow(1).getCell(3), new BigDecimal("40.00"));
			assertThat(text(projects.getRow(5), 0)).isEqualTo("Total");
			// the print settings stay with their sheets after the move
			assertThat(services.getPrintArea(0)).startsWith("Summary!");
			assertThat(projects.getRepeatingRows()).hasToString(CellRangeAddress.valueOf("1:1").toString());
			assertThat(services.getSheet("Services").getRepeatingRows())
				.hasToString(CellRangeAddress.valueOf("1:1").toString());
			assertThat(services.getSheet("Detail").getLastRowNum()).isEqualTo(20);
			// services first, then projects: the rows in the store's order
			assertThat(text(services.getSheet("Detail").getRow(1), 3)).isEqualTo("services");
		}
	}

	@Test
	void summaryHasMonthsDownOrganizationsAcrossWithLabelsAndIds() {
		Sheet summary = this.workbook.getSheet("Summary");
		assertThat(texts(summary.getRow(0))).containsExactly("Month", "Acme Labs", "Acme Production", "Total",
				"Change (USD)", "Change (%)", "Usage (before tax)", "Amount", "Provisional");
		assertThat(texts(summary.getRow(1))).containsExactly("Organization id", ORG_B, ORG_A);
		for (int m = 0; m < MONTHS.size(); m++) {
			Cell month = summary.getRow(2 + m).getCell(0);
			assertThat(month.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONTHS.get(m).atDay(1));
			assertThat(month.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm");
		}
		// never every month of the range: the fiscal year to date and the last 12 closed
		// months
		assertThat(summary.getRow(5).getCell(0).getStringCellValue())
			.isEqualTo("Fiscal year 2026-01 to date (2026-09 – 2026-11)");
		assertThat(summary.getRow(6).getCell(0).getStringCellValue())
			.isEqualTo("Last 12 closed months: 3 in this report (2026-09 – 2026-11)");
		// without invoices every month's headline is its usage, and says so
		assertThat(text(summary.getRow(2), 7)).isEqualTo("usage: no invoice");
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
		assertThat(text(summary.getRow(2), 8)).isNull();
		assertThat(text(summary.getRow(3), 8)).isNull();
		assertThat(text(summary.getRow(4), 8)).isEqualTo("provisional");
		assertThat(summary.getRow(4).getCell(0).getCellStyle().getFillForegroundColor())
			.as("the provisional month is shaded")
			.isNotEqualTo(summary.getRow(3).getCell(0).getCellStyle().getFillForegroundColor());
		int notes = rowStartingWith(summary, "Headline: each billing account's billed amount");
		assertThat(text(summary.getRow(notes + 1), 0)).startsWith("Usage is Cost Explorer's complete cost before tax");
		assertThat(text(summary.getRow(notes + 2), 0))
			.isEqualTo("The fiscal year starts in month 1. Budgets are held against the billed amount.");
		assertThat(text(summary.getRow(notes + 3), 0))
			.isEqualTo("Provisional months (2026-11): the amounts may change until the month settles.");
		assertThat(text(summary.getRow(notes + 4), 0)).isEqualTo("Amounts in US dollars; credits are negative.");
		assertThat(text(summary.getRow(notes + 5), 0)).isEqualTo("Shaded months are provisional. A month whose total"
				+ " rose by more than 25% and more than $500 over the month before is highlighted orange.");
	}

	@Test
	void projectsSheetHasOneLinePerOrganizationAndProjectBiggestFirst() {
		Sheet projects = this.workbook.getSheet("Projects");
		assertThat(texts(projects.getRow(0))).containsExactly("Organization", "Project", "Project id", "2026-09",
				"2026-10", "2026-11 (provisional)", "Total", "Share of the org's bill");
		// each organization's lines together, by label, each one's biggest first
		assertThat(List.of(texts(projects.getRow(1)), texts(projects.getRow(2)), texts(projects.getRow(3)),
				texts(projects.getRow(4))))
			.containsExactly(List.of("Acme Labs", "ml-lab", P3), List.of("Acme Production", "checkout", P1),
					List.of("Acme Production", "search", P2), List.of("Acme Production", "(no project)"));
		assertThat(projects.getRow(4).getCell(2)).isNull();
		assertThat(text(projects.getRow(5), 0)).isEqualTo("Total");
		assertThat(projects.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
		assertThat(projects.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 3);
	}

	@Test
	void projectsSheetAmountsAndTotalsEqualTheRows() {
		Sheet projects = this.workbook.getSheet("Projects");
		List<List<String>> lines = List.of(List.of(ORG_B, P3), List.of(ORG_A, P1), List.of(ORG_A, P2),
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
				"2026-11 (provisional)", "Total", "Share of the org's bill");
		List<List<String>> expected = List.of(List.of("Acme Labs", "Clusters"), List.of("Acme Labs", "Credits"),
				List.of("Acme Production", "Clusters"), List.of("Acme Production", "Backup"),
				List.of("Acme Production", "Support"), List.of("Acme Production", "Credits"));
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
	void everyFormulaIsOursAndItsStoredValueIsWhatItEvaluatesTo() {
		int sums = 0;
		int differences = 0;
		for (Sheet sheet : this.workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.FORMULA) {
						assertThat(cell.getCellFormula())
							.matches("SUM\\([A-Z]+[0-9]+(:[A-Z]+[0-9]+)?\\)|[A-Z]+[0-9]+[-/]\\$?[A-Z]+\\$?[0-9]+(-1)?");
						sums += cell.getCellFormula().startsWith("SUM(") ? 1 : 0;
						differences += cell.getCellFormula().startsWith("SUM(") ? 0 : 1;
						assertThat(this.evaluator.evaluate(cell).getNumberValue())
							.as("%s!%s", sheet.getSheetName(), cell.getAddress())
							.isCloseTo(cell.getNumericCellValue(), org.assertj.core.data.Offset.offset(1e-9));
					}
				}
			}
		}
		// summary 3 row totals + 2 totals (fiscal year, last 12 closed months) x (2
		// organizations, total, usage); projects 4 lines + 4 totals, then 2
		// organizations x (3 months + subtotal); services 6 + 4, then 2 x 4
		assertThat(sums).isEqualTo(11 + (8 + 8) + (10 + 8));
		// summary: 2 changes in dollars and 2 in percent; movers (November against
		// October): 4 lines changed, in dollars, 3 in percent (ml-lab rose from nothing);
		// top services of November: Clusters and Credits, change and share of the bill;
		// projects: 4 lines' and 2 subtotals' shares of the bill; services 6 + 2; run
		// info:
		// 3 months x 2 groupings of reconciliation
		assertThat(differences).isEqualTo(4 + 7 + 4 + 6 + 8 + 6);
	}

	@Test
	void monthOverMonthChangeIsInDollarsAndPercent() {
		Row october = this.workbook.getSheet("Summary").getRow(3);
		Row november = this.workbook.getSheet("Summary").getRow(4);
		assertThat(this.workbook.getSheet("Summary").getRow(2).getCell(4)).isNull();
		assertThat(october.getCell(4).getCellFormula()).isEqualTo("D4-D3");
		assertThat(cents(this.evaluator.evaluate(october.getCell(4)).getNumberValue()))
			.isEqualByComparingTo(new BigDecimal("190.00").subtract(new BigDecimal("255.75")));
		assertThat(october.getCell(5).getCellFormula()).isEqualTo("D4/D3-1");
		assertThat(this.evaluator.evaluate(october.getCell(5)).getNumberValue()).isCloseTo(190.00 / 255.75 - 1,
				org.assertj.core.data.Offset.offset(1e-12));
		assertThat(october.getCell(5).getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.PERCENT_FORMAT);
		assertThat(cents(november.getCell(4).getNumericCellValue())).isEqualByComparingTo("-119.83");
	}

	@Test
	void largestMoversExplainTheLatestMonthWithDataMarkedProvisional() {
		Sheet summary = this.workbook.getSheet("Summary");
		int title = rowStartingWith(summary, "Largest movers");
		// November is provisional but not open (the run forecast nothing): it is the
		// month finance asks about
		assertThat(text(summary.getRow(title), 0))
			.isEqualTo("Largest movers: 2026-11 (provisional) against 2026-10 (by Projects)");
		assertThat(texts(summary.getRow(title + 1))).containsExactly("Organization", "Project", "Project id", "2026-10",
				"2026-11", "Change (USD)", "Change (%)");
		// by size of change: search -79.90, checkout -69.77, (no project) +20.00, ml-lab
		// +9.84
		assertThat(List.of(text(summary.getRow(title + 2), 1), text(summary.getRow(title + 3), 1),
				text(summary.getRow(title + 4), 1), text(summary.getRow(title + 5), 1)))
			.containsExactly("search", "checkout", "(no project)", "ml-lab");
		assertThat(cents(this.evaluator.evaluate(summary.getRow(title + 2).getCell(5)).getNumberValue()))
			.isEqualByComparingTo("-79.90");
		assertThat(summary.getRow(title + 5).getCell(6)).as("a rise from nothing has no percentage").isNull();
	}

	@Test
	void topServicesOfTheMonthAcrossOrganizationsWithTheirShareOfTheBill() {
		Sheet summary = this.workbook.getSheet("Summary");
		int title = rowStartingWith(summary, "Top services");
		assertThat(text(summary.getRow(title), 0))
			.isEqualTo("Top services: 2026-11 (provisional), all organizations together");
		assertThat(texts(summary.getRow(title + 1))).containsExactly("Service", "2026-10", "2026-11", "Change (USD)",
				"Share of usage");
		Row clusters = summary.getRow(title + 2);
		assertThat(text(clusters, 0)).isEqualTo("Clusters");
		assertMoney(clusters.getCell(2), new BigDecimal("72.67"));
		// the share divides by the bill table's November total (D5)
		assertThat(clusters.getCell(4).getCellFormula()).isEqualTo("C" + (title + 3) + "/$G$5");
		assertThat(this.evaluator.evaluate(clusters.getCell(4)).getNumberValue()).isCloseTo(72.67 / 70.17,
				org.assertj.core.data.Offset.offset(1e-12));
		assertThat(text(summary.getRow(title + 3), 0)).isEqualTo("Credits");
		assertThat(summary.getRow(title + 4)).as("Backup cost nothing in November").isNull();
	}

	@Test
	void theTrendTableAddsUpToTheSummaryAndTheChartPlotsIt() {
		Sheet summary = this.workbook.getSheet("Summary");
		int title = rowStartingWith(summary, "Monthly trend by Project");
		assertThat(texts(summary.getRow(title + 1))).containsExactly("Month", "checkout", "search", "ml-lab",
				"(no project)");
		for (int m = 0; m < MONTHS.size(); m++) {
			Row row = summary.getRow(title + 2 + m);
			YearMonth month = MONTHS.get(m);
			BigDecimal sum = BigDecimal.ZERO;
			for (int c = 1; c <= 4; c++) {
				sum = sum.add(cents(row.getCell(c).getNumericCellValue()));
			}
			assertThat(sum).isEqualByComparingTo(
					sum(this.rows, (r) -> r.groupBy() == Grouping.PROJECTS && ReportMonths.monthOf(r).equals(month)));
		}
		var charts = ((XSSFSheet) summary).getDrawingPatriarch().getCharts();
		assertThat(charts).hasSize(1);
		var bars = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0);
		assertThat(bars.getGrouping().getVal().toString()).isEqualTo("stacked");
		assertThat(bars.getSerList()).hasSize(4);
		assertThat(bars.getSerArray(0).getVal().getNumRef().getF())
			.isEqualTo("Summary!$B$" + (title + 3) + ":$B$" + (title + 5));
		assertThat(bars.getSerArray(0).getVal().getNumRef().getNumCache().getPtArray(0).getV()).isEqualTo("120.5");
	}

	@Test
	void summaryPrintsOnOneLandscapePageWithItsChartAndTitle() {
		XSSFSheet summary = this.workbook.getSheet("Summary");
		assertThat(summary.isDisplayGridlines()).isFalse();
		assertThat(summary.getPrintSetup().getLandscape()).isTrue();
		assertThat(summary.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
		assertThat(summary.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
		assertThat(summary.getFitToPage()).isTrue();
		assertThat(summary.getHeader().getLeft()).isEqualTo("Atlas cost report: finance-monthly");
		assertThat(summary.getHeader().getCenter()).isEqualTo("2026-09 to 2026-11");
		assertThat(summary.getHeader().getRight()).isEqualTo("Generated 2026-12-01 06:00 UTC");
		assertThat(summary.getFooter().getRight()).isEqualTo("Page &P of &N");
		// the chart sits beside the bill table, from its first row: seen without
		// scrolling, and inside the one printed page with the notes, not the trend data
		var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) summary.getDrawingPatriarch()
			.getShapes()
			.get(0)
			.getAnchor();
		assertThat(anchor.getRow1()).isZero();
		assertThat(anchor.getCol1()).as("two columns right of Provisional").isEqualTo((short) 10);
		int notes = rowStartingWith(summary, "Shaded months are provisional");
		int trend = rowStartingWith(summary, "Monthly trend by");
		assertThat(this.workbook.getPrintArea(0)).isEqualTo(
				"Summary!$A$1:$" + org.apache.poi.ss.util.CellReference.convertNumToColString(anchor.getCol2() - 1)
						+ "$" + (Math.max(notes, anchor.getRow2()) + 1));
		assertThat(trend).isGreaterThan(notes);
	}

	@Test
	void jumpsAboveTheThresholdAreHighlighted() {
		Sheet summary = this.workbook.getSheet("Summary");
		var formatting = summary.getSheetConditionalFormatting();
		assertThat(formatting.getNumConditionalFormattings()).isEqualTo(1);
		assertThat(formatting.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString())
			.isEqualTo("F3:F5");
		assertThat(formatting.getConditionalFormattingAt(0).getRule(0).getFormula1()).isEqualTo("AND(F3>0.25,E3>500)");
		var projects = this.workbook.getSheet("Projects").getSheetConditionalFormatting();
		assertThat(projects.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString()).isEqualTo("E2:F5");
		assertThat(projects.getConditionalFormattingAt(0).getRule(0).getFormula1())
			.isEqualTo("AND(D2>0,E2>D2*(1+0.25),E2-D2>500)");
	}

	@Test
	void detailHasEveryRowUnderAFrozenFilteredHeader() {
		XSSFSheet detail = this.workbook.getSheet("Detail");
		assertThat(texts(detail.getRow(0))).isEqualTo(DetailSheet.HEADERS);
		assertThat(detail.getLastRowNum()).isEqualTo(this.rows.size());
		assertThat(detail.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
		assertThat(detail.getTables()).singleElement().satisfies((table) -> {
			assertThat(table.getArea().formatAsString()).isEqualTo("A1:M21");
			assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo("A1:M21");
			assertThat(table.getStyle().isShowRowStripes()).isTrue();
			assertThat(table.getCTTable().getTableColumns().getTableColumnList())
				.extracting((column) -> column.getName())
				.isEqualTo(DetailSheet.HEADERS);
		});
		BigDecimal amounts = BigDecimal.ZERO;
		int provisional = 0;
		for (int r = 1; r <= this.rows.size(); r++) {
			Cell amount = detail.getRow(r).getCell(10);
			assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.CURRENCY_FORMAT);
			amounts = amounts.add(cents(amount.getNumericCellValue()));
			assertThat(text(detail.getRow(r), 11)).isIn("provisional", "final");
			provisional += text(detail.getRow(r), 11).equals("provisional") ? 1 : 0;
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
		assertThat(text(first, 11)).isEqualTo("final");
		assertThat(first.getCell(12).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 3, 4, 5, 6));
		assertThat(first.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");

		Row last = this.workbook.getSheet("Detail").getRow(this.rows.size());
		assertThat(texts(last)).containsExactly("Acme Production", ORG_A, "Acme Prod", "services");
		assertThat(text(last, 9)).isEqualTo("Clusters");
		assertMoney(last.getCell(10), new BigDecimal("60.33"));
		assertThat(text(last, 11)).isEqualTo("provisional");
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
				if (row.getCell(0).getStringCellValue().startsWith("Reconciliation")) {
					break;
				}
				Cell value = row.getCell(1);
				values.put(row.getCell(0).getStringCellValue(),
						(value == null) ? null : (value.getCellType() == CellType.NUMERIC) ? value.getNumericCellValue()
								: value.getStringCellValue());
			}
		}
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("Job", "finance-monthly");
		expected.put("Months", "2026-09 to 2026-11");
		expected.put("Groupings", "Projects, Services");
		expected.put("Summary grouping", "Projects");
		expected.put("API version", "2025-02-19");
		expected.put("Generated at (UTC)", "2026-12-01T06:00:00Z");
		expected.put("Provisional months", "2026-11");
		expected.put("Usage rows", 20.0);
		expected.put("Detail sheets", "Detail");
		expected.put("Parameters", null);
		expected.put("from", "2026-09");
		expected.put("job", "jobs/finance-monthly.yml");
		expected.put("to", "2026-11");
		assertThat(values).containsExactlyEntriesOf(expected);
	}

	@Test
	void runInfoReconcilesEachGroupingWithTheSummaryFromTheRows() {
		Sheet runInfo = this.workbook.getSheet("Run info");
		int title = rowStartingWith(runInfo, "Reconciliation");
		assertThat(texts(runInfo.getRow(title + 1))).containsExactly("Month", "Grouping", "Bill", "Grouping total",
				"Difference", "Why");
		for (int m = 0; m < MONTHS.size(); m++) {
			YearMonth month = MONTHS.get(m);
			BigDecimal projects = sum(this.rows,
					(r) -> r.groupBy() == Grouping.PROJECTS && ReportMonths.monthOf(r).equals(month));
			BigDecimal services = sum(this.rows,
					(r) -> r.groupBy() == Grouping.SERVICES && ReportMonths.monthOf(r).equals(month));
			Row projectsRow = runInfo.getRow(title + 2 + 2 * m);
			Row servicesRow = runInfo.getRow(title + 3 + 2 * m);
			assertThat(projectsRow.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(month.atDay(1));
			// the fixture's bill of each org-month is its services total
			BigDecimal bill = services;
			assertThat(text(projectsRow, 1)).isEqualTo("Projects");
			assertMoney(projectsRow.getCell(2), bill);
			assertMoney(projectsRow.getCell(3), projects);
			assertThat(text(projectsRow, 5)).isEqualTo(projects.compareTo(bill) == 0 ? "ties out"
					: "differs: without partial matches, usage lacking a value for the 'Projects' dimension"
							+ " (org-level charges such as support and credits) is left out of that grouping");
			assertThat(text(servicesRow, 1)).isEqualTo("Services");
			assertMoney(servicesRow.getCell(2), bill);
			assertMoney(servicesRow.getCell(3), services);
			assertThat(cents(this.evaluator.evaluate(servicesRow.getCell(4)).getNumberValue()))
				.isEqualByComparingTo(services.subtract(bill));
			assertThat(text(servicesRow, 5)).isEqualTo("ties out");
		}
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
