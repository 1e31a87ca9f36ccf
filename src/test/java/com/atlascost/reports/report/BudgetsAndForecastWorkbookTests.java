package com.atlascost.reports.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.summary.ExitCode;
import com.atlascost.reports.summary.RunSummary;

import static com.atlascost.reports.report.ReportRequestFixture.NOV;
import static com.atlascost.reports.report.ReportRequestFixture.OCT;
import static com.atlascost.reports.report.ReportRequestFixture.SEP;
import static com.atlascost.reports.report.WorkbookAssertions.assertMoney;
import static com.atlascost.reports.report.WorkbookAssertions.assertTotal;
import static com.atlascost.reports.report.WorkbookAssertions.cents;
import static com.atlascost.reports.testsupport.WorkbookReader.rowStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realistic run with November open (forecast) and two budgets, written in English and
 * in Japanese and read back: the Summary's blocks, the Budgets sheet across months, the
 * grouping sheets' subtotals and filters, the print setup of every sheet, the Run info's
 * numbers and words, the Japanese font.
 */
class BudgetsAndForecastWorkbookTests {

	private static final List<YearMonth> MONTHS = List.of(SEP, OCT, NOV);

	@TempDir
	Path english;

	@TempDir
	Path japanese;

	private XSSFWorkbook en;

	private XSSFWorkbook ja;

	@BeforeEach
	void write() throws IOException {
		this.en = WorkbookAssertions.open(writer(this.english, Locale.ENGLISH)
			.write(ReportRequestFixture.withBudgetsAndForecast(), InvoiceReport.none())
			.workbook());
		this.ja = WorkbookAssertions.open(writer(this.japanese, Locale.JAPANESE)
			.write(ReportRequestFixture.withBudgetsAndForecast(), InvoiceReport.none())
			.workbook());
	}

	private static ReportWriter writer(Path dir, Locale locale) {
		return new ReportWriter(dir, new WorkbookWriter(new ReportSettings(locale, new BigDecimal("0.25"),
				new BigDecimal("500"), 5, ReportSettings.EXCEL_DATA_ROWS)), new FocusCsvWriter());
	}

	@AfterEach
	void close() throws IOException {
		this.en.close();
		this.ja.close();
	}

	@Test
	void theOpenMonthRowIsTheAccrualWithItsForecastRightUnderTheTable() {
		for (XSSFWorkbook book : List.of(this.en, this.ja)) {
			Sheet summary = book.getSheetAt(0);
			Row november = summary.getRow(4);
			// no invoice to learn a tax rate from: the accrual is the usage forecast
			assertTotal(november.getCell(3), evaluator(book), new BigDecimal("105.00"));
			assertThat(november.getCell(4)).as("no change of an accrual against a whole month").isNull();
			assertThat(november.getCell(5)).isNull();
			assertMoney(november.getCell(6), new BigDecimal("70.17"));
			int title = rowStartingWith(summary,
					(book == this.en) ? "Accrual of 2026-11 (as of day 20)" : "2026-11 の見込み計上");
			assertThat(title).as("right under the bill table and its two totals").isEqualTo(8);
			Row total = summary.getRow(title + 4);
			FormulaEvaluator evaluator = evaluator(book);
			assertTotal(total.getCell(1), evaluator, new BigDecimal("70.17"));
			assertTotal(total.getCell(2), evaluator, new BigDecimal("105.00"));
			assertTotal(total.getCell(4), evaluator, new BigDecimal("0.00"));
			assertTotal(total.getCell(5), evaluator, new BigDecimal("105.00"));
			assertTotal(total.getCell(6), evaluator, new BigDecimal("92.00"));
			assertTotal(total.getCell(7), evaluator, new BigDecimal("118.00"));
			assertThat(text(summary.getRow(title + 3), 9)).isEqualTo((book == this.en) ? "on track" : "予算内の見込み");
		}
	}

	@Test
	void theSummaryPutsEachBudgetBesideTheBillOfTheLatestMonthWithDataAndTheYearToDate() {
		Sheet summary = this.en.getSheetAt(0);
		int title = rowStartingWith(summary, "Budgets against billed: ");
		// November is open, so October is the month explained
		assertThat(text(summary.getRow(title), 0)).isEqualTo(
				"Budgets against billed: 2026-10 against the budget, and the fiscal year to date (2026-09 to 2026-10)");
		Row organization = summary.getRow(title + 2);
		assertThat(text(organization, 1)).isEqualTo("(whole organization)");
		assertMoney(organization.getCell(2), new BigDecimal("250.00"));
		assertMoney(organization.getCell(3), new BigDecimal("190.00"));
		Cell under = organization.getCell(4);
		assertThat(under.getCellFormula()).isEqualTo("D" + (title + 3) + "-C" + (title + 3));
		assertThat(cents(evaluator(this.en).evaluate(under).getNumberValue())).isEqualByComparingTo("-60.00");
		assertThat(under.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.VARIANCE_FORMAT);
		assertMoney(organization.getCell(6), new BigDecimal("500.00"));
		assertMoney(organization.getCell(7), new BigDecimal("405.75"));
		Row project = summary.getRow(title + 3);
		assertThat(text(project, 1)).isEqualTo("checkout");
		assertThat(cents(evaluator(this.en).evaluate(project.getCell(4)).getNumberValue()))
			.isEqualByComparingTo("30.10");
		assertThat(cents(evaluator(this.en).evaluate(project.getCell(8)).getNumberValue()))
			.isEqualByComparingTo("50.60");
	}

	@Test
	void overBudgetIsRedAndUnderBudgetGreenNeverTheOtherWayRound() {
		// positive variance (over) in red, negative (under) in green, zero plain
		assertThat(WorkbookCells.VARIANCE_FORMAT).startsWith("[Red]").contains(";[Color10]-");
		Sheet budgets = this.en.getSheet("Budgets");
		var formatting = budgets.getSheetConditionalFormatting();
		assertThat(formatting.getNumConditionalFormattings()).isEqualTo(1);
		var ranges = formatting.getConditionalFormattingAt(0).getFormattingRanges();
		assertThat(ranges).extracting((range) -> range.formatAsString()).containsExactly("E3:G3", "E7:G7");
		var rule = formatting.getConditionalFormattingAt(0).getRule(0);
		assertThat(rule.getFormula1()).as("an actual over the budget above it").isEqualTo("E3>E2");
		assertThat(rule.getPatternFormatting().getFillBackgroundColor())
			.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
		for (int row = 3; row <= 8; row += 4) {
			for (Cell cell : budgets.getRow(row)) {
				if (cell.getCellType() == CellType.FORMULA) {
					assertThat(cell.getCellStyle().getDataFormatString()).isIn(WorkbookCells.VARIANCE_FORMAT,
							WorkbookCells.VARIANCE_PERCENT_FORMAT);
				}
			}
		}
	}

	@Test
	void budgetsRunMonthsAcrossWithTheYearToDateAndTheOpenMonthsForecast() {
		Sheet budgets = this.en.getSheet("Budgets");
		FormulaEvaluator evaluator = evaluator(this.en);
		assertThat(texts(budgets.getRow(0))).containsExactly("Organization", "Project", "Project id", "Figure",
				"2026-09", "2026-10", "2026-11 (month to date)", "Fiscal year to date (2026-09 to 2026-10)",
				"Expected (billed)", "Outlook (billed)");
		assertThat(List.of(text(budgets.getRow(1), 3), text(budgets.getRow(2), 3), text(budgets.getRow(3), 3),
				text(budgets.getRow(4), 3)))
			.containsExactly("Budget", "Actual", "Variance (USD)", "Variance (%)");
		// the organization's actuals are its complete bills
		Row actual = budgets.getRow(2);
		assertMoney(actual.getCell(4), new BigDecimal("215.75"));
		assertMoney(actual.getCell(5), new BigDecimal("190.00"));
		assertMoney(actual.getCell(6), new BigDecimal("60.33"));
		assertTotal(actual.getCell(7), evaluator, new BigDecimal("405.75"));
		assertTotal(budgets.getRow(1).getCell(7), evaluator, new BigDecimal("500.00"));
		assertThat(cents(evaluator.evaluate(budgets.getRow(3).getCell(4)).getNumberValue()))
			.isEqualByComparingTo("-34.25");
		assertThat(budgets.getRow(3).getCell(6)).as("no variance for the month to date").isNull();
		assertThat(cents(evaluator.evaluate(budgets.getRow(3).getCell(7)).getNumberValue()))
			.isEqualByComparingTo("-94.25");
		assertThat(evaluator.evaluate(budgets.getRow(4).getCell(7)).getNumberValue()).isCloseTo(-94.25 / 500,
				Offset.offset(1e-12));
		assertMoney(actual.getCell(8), new BigDecimal("90.00"));
		assertThat(text(actual, 9)).isEqualTo("on track");
		// the project's actuals come from the projects grouping; it has no forecast
		assertThat(text(budgets.getRow(5), 1)).isEqualTo("checkout");
		assertMoney(budgets.getRow(6).getCell(5), new BigDecimal("130.10"));
		assertThat(budgets.getRow(6).getCell(8)).isNull();
		assertThat(budgets.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 4);
	}

	@Test
	void groupingSheetsSubtotalEachOrganizationAgainstItsBillUnderFilterButtons() {
		XSSFSheet services = this.en.getSheet("Services");
		FormulaEvaluator evaluator = evaluator(this.en);
		assertThat(services.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G7");
		int title = rowStartingWith(services, "Subtotals by organization");
		assertThat(texts(services.getRow(title + 1))).containsExactly("Organization", "", "2026-09", "2026-10",
				"2026-11", "Subtotal", "Bill", "Share of the bill");
		Row labs = services.getRow(title + 2);
		assertThat(text(labs, 0)).isEqualTo("Acme Labs");
		assertThat(labs.getCell(4).getCellFormula()).isEqualTo("SUM(E2:E3)");
		assertTotal(labs.getCell(4), evaluator, new BigDecimal("9.84"));
		assertTotal(labs.getCell(5), evaluator, new BigDecimal("49.84"));
		assertMoney(labs.getCell(6), new BigDecimal("49.84"));
		Row production = services.getRow(title + 3);
		assertTotal(production.getCell(5), evaluator, new BigDecimal("466.08"));
		// a line's share of its organization's bill: Acme Production's Clusters
		Cell share = services.getRow(3).getCell(6);
		assertThat(share.getCellFormula()).isEqualTo("F4/$G$" + (title + 4));
		assertThat(evaluator.evaluate(share).getNumberValue()).isCloseTo(430.33 / 466.08, Offset.offset(1e-12));
		assertThat(share.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.PERCENT_FORMAT);
		// the grand total row keeps its total last
		Row total = services.getRow(7);
		assertThat(text(total, 0)).isEqualTo("Total");
		assertThat(total.getLastCellNum()).isEqualTo((short) 6);
	}

	@Test
	void everySheetPrintsLandscapeWithHeaderRowsPageHeaderAndPageNumbers() {
		for (XSSFWorkbook book : List.of(this.en, this.ja)) {
			for (int s = 0; s < book.getNumberOfSheets(); s++) {
				XSSFSheet sheet = book.getSheetAt(s);
				assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName())
					.isEqualTo(
							(book == this.en) ? "Atlas cost report: finance-monthly" : "Atlas コストレポート：finance-monthly");
				assertThat(sheet.getHeader().getCenter())
					.isEqualTo((book == this.en) ? "2026-09 to 2026-11" : "2026-09 から 2026-11");
				assertThat(sheet.getFooter().getRight()).isEqualTo((book == this.en) ? "Page &P of &N" : "&P / &N ページ");
				assertThat(sheet.getPaneInformation()).as("%s has frozen panes", sheet.getSheetName()).isNotNull();
				boolean headerRow = s > 0 && s < book.getNumberOfSheets() - 1;
				if (headerRow) {
					assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
					assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
					assertThat(sheet.getFitToPage()).isTrue();
					assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
					assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
				}
			}
		}
	}

	@Test
	void monthLabelsNeverWrapAndTheChartSlantsThem() {
		for (String name : List.of("Projects", "Budgets")) {
			Row header = this.en.getSheet(name).getRow(0);
			for (Cell cell : header) {
				if (cell.getStringCellValue().startsWith("2026-")) {
					assertThat(cell.getCellStyle().getWrapText()).as("%s!%s", name, cell.getAddress()).isFalse();
					assertThat(this.en.getSheet(name).getColumnWidth(cell.getColumnIndex()) / 256)
						.as("%s!%s fits its label", name, cell.getAddress())
						.isGreaterThan(cell.getStringCellValue().length());
				}
			}
		}
		var axis = this.en.getSheetAt(0)
			.getDrawingPatriarch()
			.getCharts()
			.get(0)
			.getCTChart()
			.getPlotArea()
			.getCatAxArray(0);
		assertThat(axis.getTxPr().getBodyPr().getRot()).isEqualTo(-2_700_000);
	}

	@Test
	void japaneseWorkbookDeclaresAJapaneseFontAndWritesNotesUpright() {
		for (int i = 0; i < this.ja.getNumberOfFonts(); i++) {
			XSSFFont font = this.ja.getFontAt(i);
			assertThat(font.getFontName()).as("font %d", i).isEqualTo(WorkbookCells.JAPANESE_FONT);
			assertThat(font.getCharSet()).isEqualTo(128);
			assertThat(font.getItalic()).as("font %d", i).isFalse();
			assertThat(font.getScheme()).isIn(null, org.apache.poi.ss.usermodel.FontScheme.NONE);
		}
		for (int i = 0; i < this.en.getNumberOfFonts(); i++) {
			assertThat(this.en.getFontAt(i).getFontName()).isNotEqualTo(WorkbookCells.JAPANESE_FONT);
		}
		Sheet summary = this.ja.getSheetAt(0);
		Cell note = summary.getRow(rowStartingWith(summary, "見出しの金額")).getCell(0);
		assertThat(this.ja.getFontAt(note.getCellStyle().getFontIndex()).getItalic()).isFalse();
		Sheet summaryEn = this.en.getSheetAt(0);
		Cell noteEn = summaryEn.getRow(rowStartingWith(summaryEn, "Headline: ")).getCell(0);
		assertThat(this.en.getFontAt(noteEn.getCellStyle().getFontIndex()).getItalic()).isTrue();
	}

	@Test
	void runInfoIsInTheReportsLanguageWithItsTotalsAsCurrencyNumbers() {
		Sheet en = this.en.getSheet("Run info");
		Sheet ja = this.ja.getSheet("実行情報");
		assertThat(text(en.getRow(2), 1)).isEqualTo("Projects, Services");
		assertThat(text(ja.getRow(2), 1)).isEqualTo("プロジェクト, サービス");
		assertThat(text(ja.getRow(rowStartingWith(ja, "完了")), 0)).isEqualTo("完了");
		assertThat(text(en.getRow(rowStartingWith(en, "DONE")), 0)).isEqualTo("DONE");
		int summaryEn = rowStartingWith(en, "Run summary");
		int summaryJa = rowStartingWith(ja, "実行サマリー");
		List<String> labels = new ArrayList<>();
		for (int r = summaryJa + 1; ja.getRow(r) != null; r++) {
			labels.add(text(ja.getRow(r), 0));
		}
		assertThat(labels).containsExactly("ジョブ", "クエリ", "保存した行数", "2026-09 の利用額（Cost Explorer、税抜）",
				"2026-10 の利用額（Cost Explorer、税抜）", "2026-11 の利用額（Cost Explorer、税抜）", "2026-11 の予測（利用額、月末）",
				"2026-11 の予測幅（下限）", "2026-11 の予測幅（上限）", "終了コード");
		assertThat(text(ja.getRow(summaryJa + 2), 1)).isEqualTo("計画 12、完了 12（今回取得 9、前回までに完了 3）、失敗 0");
		assertThat(text(ja.getRow(summaryJa + 10), 1)).isEqualTo("0：完了");
		assertThat(text(en.getRow(summaryEn + 10), 1)).isEqualTo("0: done");
		for (Sheet sheet : List.of(en, ja)) {
			int first = (sheet == en) ? summaryEn : summaryJa;
			assertThat(sheet.getRow(first + 3).getCell(1).getNumericCellValue()).isEqualTo(20.0);
			for (int m = 0; m < MONTHS.size(); m++) {
				Cell total = sheet.getRow(first + 4 + m).getCell(1);
				assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(total.getCellStyle().getDataFormatString()).isEqualTo(WorkbookCells.CURRENCY_FORMAT);
			}
			assertMoney(sheet.getRow(first + 4).getCell(1), new BigDecimal("255.75"));
			assertMoney(sheet.getRow(first + 6).getCell(1), new BigDecimal("70.17"));
			assertMoney(sheet.getRow(first + 7).getCell(1), new BigDecimal("105.00"));
			assertMoney(sheet.getRow(first + 8).getCell(1), new BigDecimal("92.00"));
			assertMoney(sheet.getRow(first + 9).getCell(1), new BigDecimal("118.00"));
		}
	}

	@Test
	void theExitCodeBeforeADeliveryKeepsItsCaveatInJapanese() {
		ReportContents contents = ReportRequestFixture.contents(ReportRequestFixture.withBudgetsAndForecast());
		String value = "0: done when this report was written; the delivery that follows ends the run with 1 if it"
				+ " fails (see the run's log)";
		RunSummary summary = new RunSummary(List.of()).withExitCodeBeforeDelivery(ExitCode.DONE);
		assertThat(summary.lines()).containsExactly("Exit code: " + value);
		assertThat(new RunSummaryLines(new ReportMessages(Locale.JAPANESE)).lines(summary, contents))
			.containsExactly(new RunSummaryLines.Line("終了コード", "0：このレポートの作成時点で完了。続く配信に失敗した場合は終了コード 1 で終わります（実行ログを参照）"));
		assertThat(new RunSummaryLines(ReportRequestFixture.english()).lines(summary, contents))
			.containsExactly(new RunSummaryLines.Line("Exit code", value));
	}

	@Test
	void provisionalIsAWordOfTheReportsLanguage() {
		assertThat(text(this.en.getSheet("Detail").getRow(1), 11)).isEqualTo("final");
		assertThat(text(this.ja.getSheet("明細").getRow(1), 11)).isEqualTo("確定");
		assertThat(text(this.ja.getSheet("明細").getRow(2), 11)).isEqualTo("暫定");
		// the grouping of a detail row is a word of the language too
		assertThat(text(this.en.getSheet("Detail").getRow(1), 3)).isEqualTo("projects");
		assertThat(text(this.ja.getSheet("明細").getRow(1), 3)).isEqualTo("プロジェクト");
	}

	@Test
	void theJapaneseWorkbookHasTheSameNumbersInTheSameCells() {
		for (int s = 0; s < this.en.getNumberOfSheets(); s++) {
			Sheet en = this.en.getSheetAt(s);
			Sheet ja = this.ja.getSheetAt(s);
			assertThat(ja.getLastRowNum()).isEqualTo(en.getLastRowNum());
			for (Row row : en) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.FORMULA) {
						Cell other = ja.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
						assertThat(other.getNumericCellValue()).as("%s!%s", en.getSheetName(), cell.getAddress())
							.isEqualTo(cell.getNumericCellValue());
					}
				}
			}
		}
	}

	@Test
	void everyFormulaEvaluatesToTheValueItCarries() {
		for (XSSFWorkbook book : List.of(this.en, this.ja)) {
			FormulaEvaluator evaluator = evaluator(book);
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							assertThat(evaluator.evaluate(cell).getNumberValue())
								.as("%s!%s", sheet.getSheetName(), new CellReference(cell).formatAsString())
								.isCloseTo(cell.getNumericCellValue(), Offset.offset(1e-9));
						}
					}
				}
			}
		}
	}

	private static FormulaEvaluator evaluator(XSSFWorkbook book) {
		return book.getCreationHelper().createFormulaEvaluator();
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			texts.add((cell != null && cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : "");
		}
		return texts;
	}

	private static String text(Row row, int column) {
		Cell cell = (row != null) ? row.getCell(column) : null;
		return (cell != null) ? cell.getStringCellValue() : null;
	}

}
