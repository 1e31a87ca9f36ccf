package com.atlascost.reports.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.atlascost.reports.testsupport.WorkbookReader.cents;
import static com.atlascost.reports.testsupport.WorkbookReader.open;
import static com.atlascost.reports.testsupport.WorkbookReader.sheetNames;
import static com.atlascost.reports.testsupport.WorkbookReader.texts;
import static com.atlascost.reports.testsupport.WorkbookReader.rowStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;

/**
 * The workbook of a whole sandbox run, read back with POI: every sheet ties out to the
 * stored rows to the cent, every formula evaluates to its stored value, the provisional
 * month is marked, names that look like formulas stay text, and the Japanese workbook has
 * Japanese sheets and labels with the same numbers.
 */
class FinanceWorkbookFunctionalTests {

	private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	/**
	 * Only the open month is provisional whatever the day of the month the test runs on
	 * (with the default five settlement days, last month is still provisional on the
	 * 2nd).
	 */
	private static final String SETTLED_AT_MONTH_END = "--usage.settlement-days=0";

	private static final YearMonth FROM = NOW.minusMonths(2);

	@TempDir
	static Path english;

	@TempDir
	static Path japanese;

	private static XSSFWorkbook workbook;

	private static XSSFWorkbook workbookJa;

	@BeforeAll
	static void runTheJobInBothLanguages() throws IOException {
		for (Path dir : List.of(english, japanese)) {
			SandboxRun run = SandboxRun.of(dir, "--job=src/test/resources/jobs/finance-check.yml", "--sandbox",
					"--from=" + FROM, "--to=" + NOW, SETTLED_AT_MONTH_END,
					"--report.locale=" + ((dir == english) ? "en" : "ja"));
			assertThat(run.exitCode()).isZero();
		}
		workbook = workbookIn(english);
		workbookJa = workbookIn(japanese);
	}

	@AfterAll
	static void close() throws IOException {
		workbook.close();
		workbookJa.close();
	}

	@Test
	void sheetsInEnglishAndJapanese() {
		assertThat(sheetNames(workbook)).containsExactly("Summary", "Projects", "Services", "Budgets", "Reconciliation",
				"Tags", "Detail", "Run info");
		assertThat(sheetNames(workbookJa)).containsExactly("サマリー", "プロジェクト", "サービス", "予算", "請求照合", "タグ別", "明細", "実行情報");
		assertThat(texts(workbookJa.getSheet("タグ別").getRow(0))).contains("タグキー", "タグ値", "金額");
		assertThat(texts(workbookJa.getSheet("請求照合").getRow(0))).contains("請求額", "差額（利用額 − 請求額）", "理由");
		assertThat(texts(workbookJa.getSheetAt(0).getRow(0))).startsWith("月").contains("合計", "前月比 (USD)", "暫定");
		assertThat(texts(workbookJa.getSheetAt(1).getRow(0))).startsWith("組織", "プロジェクト", "プロジェクト ID");
		assertThat(texts(workbookJa.getSheet("明細").getRow(0))).startsWith("組織", "組織 ID", "組織名 (API)");
	}

	/**
	 * The headline of a closed month is each column's invoiced amount (the billing
	 * account's column adds its own and its linked organization's invoices), the open
	 * month's is the accrual the accrual block shows; the usage column is the stored
	 * rows'.
	 */
	@Test
	void summaryTiesOutToTheInvoicesAndStoredRowsAndMarksTheProvisionalMonth() throws SQLException {
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			Sheet summary = book.getSheetAt(0);
			Row ids = summary.getRow(1);
			int accrualTitle = rowStartingWith(summary, (book == workbook) ? "Accrual of " + NOW : NOW + " の見込み計上");
			int columns = 0;
			for (Cell cell : ids) {
				if (cell.getColumnIndex() == 0) {
					continue;
				}
				String org = cell.getStringCellValue();
				boolean account = summary.getRow(0)
					.getCell(cell.getColumnIndex())
					.getStringCellValue()
					.endsWith((book == workbook) ? " (billing account)" : "（請求アカウント）");
				columns++;
				for (int m = 0; m < 2; m++) {
					assertThat(cents(evaluator(book).evaluate(summary.getRow(2 + m).getCell(cell.getColumnIndex()))
						.getNumberValue())).as("%s %s", org, FROM.plusMonths(m))
						.isEqualByComparingTo(billed(account ? null : org, account ? org : null, FROM.plusMonths(m)));
				}
				// the open month: the accrual of the organization's (or account's) line
				String label = summary.getRow(0).getCell(cell.getColumnIndex()).getStringCellValue();
				assertThat(cents(
						evaluator(book).evaluate(summary.getRow(4).getCell(cell.getColumnIndex())).getNumberValue()))
					.as("%s %s", org, NOW)
					.isEqualByComparingTo(cents(summary.getRow(accrualLine(summary, accrualTitle, label))
						.getCell(5)
						.getNumericCellValue()));
			}
			assertThat(columns)
				.as("the job's 3 organizations, and Acme Production's billing account, which pays for Acme Sandbox Org")
				.isEqualTo(5);
			int total = columns + 1;
			int usage = total + 3;
			for (int m = 0; m < 3; m++) {
				BigDecimal expected = (m < 2) ? billed(null, null, FROM.plusMonths(m)) : cents(
						evaluator(book).evaluate(summary.getRow(accrualTitle + 2 + 5).getCell(5)).getNumberValue());
				assertThat(cents(evaluator(book).evaluate(summary.getRow(2 + m).getCell(total)).getNumberValue()))
					.as("total of %s", FROM.plusMonths(m))
					.isEqualByComparingTo(expected);
				assertThat(cents(summary.getRow(2 + m).getCell(usage).getNumericCellValue()))
					.as("usage of %s", FROM.plusMonths(m))
					.isEqualByComparingTo(stored("ORGANIZATIONS", null, FROM.plusMonths(m)));
				Cell mark = summary.getRow(2 + m).getCell(total + 5);
				assertThat((mark != null) ? mark.getStringCellValue() : "").as("mark of %s", FROM.plusMonths(m))
					.isEqualTo(FROM.plusMonths(m).equals(NOW) ? (book == workbook ? "provisional" : "暫定") : "");
			}
			// the fiscal year to date (the year starts in January) adds the closed months
			YearMonth lastClosed = NOW.minusMonths(1);
			BigDecimal yearToDate = BigDecimal.ZERO;
			for (YearMonth month = FROM; !month.isAfter(lastClosed); month = month.plusMonths(1)) {
				if (month.getYear() == lastClosed.getYear()) {
					yearToDate = yearToDate.add(billed(null, null, month));
				}
			}
			assertThat(cents(evaluator(book).evaluate(summary.getRow(5).getCell(total)).getNumberValue()))
				.isEqualByComparingTo(yearToDate);
		}
		assertThat(textsStartingWith(workbook.getSheetAt(0), "Provisional months (" + NOW + ")")).isNotEmpty();
	}

	@Test
	void everyGroupingSheetAndTheDetailTieOutToTheStoredRows() throws SQLException {
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			assertThat(grandTotal(book.getSheetAt(1), evaluator(book)))
				.isEqualByComparingTo(stored("PROJECTS", null, null));
			assertThat(grandTotal(book.getSheetAt(2), evaluator(book)))
				.isEqualByComparingTo(stored("SERVICES", null, null));
			Sheet detail = book.getSheet((book == workbook) ? "Detail" : "明細");
			BigDecimal sum = BigDecimal.ZERO;
			for (int r = 1; r <= detail.getLastRowNum(); r++) {
				sum = sum.add(cents(detail.getRow(r).getCell(10).getNumericCellValue()));
			}
			// the bill queries' rows are the Summary's, not the detail's
			assertThat(detail.getLastRowNum()).isEqualTo(count() - countOf("ORGANIZATIONS"));
			assertThat(sum)
				.isEqualByComparingTo(stored(null, null, null).subtract(stored("ORGANIZATIONS", null, null)));
		}
	}

	@Test
	void everyFormulaEvaluatesToTheNumberItShows() {
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			FormulaEvaluator evaluator = evaluator(book);
			int formulas = 0;
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							formulas++;
							assertThat(evaluator.evaluate(cell).getNumberValue())
								.as("%s!%s", sheet.getSheetName(), cell.getAddress())
								.isCloseTo(cell.getNumericCellValue(), Offset.offset(1e-9));
						}
					}
				}
			}
			assertThat(formulas).isGreaterThan(50);
		}
	}

	@Test
	void theJapaneseWorkbookHasTheSameNumbers() {
		for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
			Sheet en = workbook.getSheetAt(s);
			Sheet ja = workbookJa.getSheetAt(s);
			assertThat(ja.getLastRowNum()).isEqualTo(en.getLastRowNum());
			for (Row row : en) {
				for (Cell cell : row) {
					boolean fetchedAt = cell.getCellStyle().getDataFormatString().contains("hh");
					if (!fetchedAt
							&& (cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.FORMULA)) {
						Cell other = ja.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
						assertThat(other.getNumericCellValue()).as("%s!%s", en.getSheetName(), cell.getAddress())
							.isEqualTo(cell.getNumericCellValue());
					}
				}
			}
		}
	}

	@Test
	void namesFromTheApiStayLiteralTextInBothLanguages() {
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			assertThat(texts(book.getSheetAt(0).getRow(0))).contains(FORMULA_NAME, "アクメ株式会社");
			List<String> apiNames = new ArrayList<>();
			List<String> projects = new ArrayList<>();
			Sheet detail = book.getSheet((book == workbook) ? "Detail" : "明細");
			for (int r = 1; r <= detail.getLastRowNum(); r++) {
				Cell name = detail.getRow(r).getCell(2);
				assertThat(name.getCellType()).isEqualTo(CellType.STRING);
				apiNames.add(name.getStringCellValue());
				Cell project = detail.getRow(r).getCell(6);
				if (project != null) {
					assertThat(project.getCellType()).isEqualTo(CellType.STRING);
					projects.add(project.getStringCellValue());
				}
			}
			assertThat(apiNames).contains(FORMULA_NAME, "アクメ株式会社");
			assertThat(projects).contains("+cmd|' /C calc'!A0", "決済基盤", "分析");
			assertThat(textsStartingWith(book.getSheetAt(1), "+cmd|' /C calc'!A0")).isNotEmpty();
		}
	}

	/**
	 * The organization's budget is held against its billed amount (its invoice) in closed
	 * months and its month to date (usage) in the open one.
	 */
	@Test
	void budgetsRunMonthsAcrossWithVarianceOverBudgetRedAndNoVarianceForTheOpenMonth() throws SQLException {
		Sheet budgets = workbook.getSheet("Budgets");
		FormulaEvaluator evaluator = evaluator(workbook);
		// Acme Production: the organization (9,000.00 a month) on rows 2 to 5 (budget,
		// actual, variance, variance %), then storefront (2,000.50) on rows 6 to 9
		assertThat(budgets.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Acme Production");
		for (int m = 0; m < 3; m++) {
			YearMonth month = FROM.plusMonths(m);
			int column = 4 + m;
			assertThat(cents(budgets.getRow(1).getCell(column).getNumericCellValue())).isEqualByComparingTo("9000.00");
			BigDecimal actual = month.equals(NOW) ? stored("ORGANIZATIONS", SandboxData.ACME_PRODUCTION, month)
					: billed(SandboxData.ACME_PRODUCTION, null, month);
			assertThat(cents(budgets.getRow(2).getCell(column).getNumericCellValue())).as("actual of %s", month)
				.isEqualByComparingTo(actual);
			Cell variance = budgets.getRow(3).getCell(column);
			if (month.equals(NOW)) {
				assertThat(variance).as("the month to date has no variance against a whole month").isNull();
			}
			else {
				assertThat(cents(evaluator.evaluate(variance).getNumberValue()))
					.isEqualByComparingTo(actual.subtract(new BigDecimal("9000.00")));
				assertThat(variance.getCellStyle().getDataFormatString()).startsWith("[Red]");
			}
			assertThat(budgets.getRow(5).getCell(1).getStringCellValue()).isEqualTo("storefront");
			assertThat(cents(budgets.getRow(5).getCell(column).getNumericCellValue())).isEqualByComparingTo("2000.50");
		}
		// the year to date adds the settled months of the last settled month's year
		YearMonth lastSettled = NOW.minusMonths(1);
		BigDecimal yearToDate = BigDecimal.ZERO;
		for (YearMonth month = FROM; !month.isAfter(lastSettled); month = month.plusMonths(1)) {
			if (month.getYear() == lastSettled.getYear()) {
				yearToDate = yearToDate.add(billed(SandboxData.ACME_PRODUCTION, null, month));
			}
		}
		assertThat(cents(evaluator.evaluate(budgets.getRow(2).getCell(7)).getNumberValue()))
			.isEqualByComparingTo(yearToDate);
		var formatting = budgets.getSheetConditionalFormatting();
		assertThat(formatting.getConditionalFormattingAt(0).getFormattingRanges())
			.extracting((range) -> range.formatAsString())
			.containsExactly("E3:G3", "E7:G7");
		assertThat(formatting.getConditionalFormattingAt(0).getRule(0).getFormula1()).isEqualTo("E3>E2");
	}

	@Test
	void theOpenMonthIsForecastStoredAndItsAccrualShownBesideItsBudget() throws SQLException {
		List<BigDecimal> forecasts = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(english), "sa", "");
				PreparedStatement statement = connection.prepareStatement("SELECT organization_id, forecast_amount,"
						+ " low_amount, high_amount, method, month_to_date FROM cost_forecast WHERE billing_month = ?"
						+ " ORDER BY organization_id")) {
			statement.setObject(1, NOW.atDay(1));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					BigDecimal forecast = rs.getBigDecimal(2);
					assertThat(rs.getBigDecimal(3)).isLessThanOrEqualTo(forecast);
					assertThat(rs.getBigDecimal(4)).isGreaterThanOrEqualTo(forecast);
					assertThat(rs.getBigDecimal(4).subtract(rs.getBigDecimal(3)))
						.isLessThanOrEqualTo(forecast.multiply(new BigDecimal("0.60")));
					assertThat(rs.getString(5)).isEqualTo("blended-run-rate-v1");
					assertThat(rs.getBigDecimal(6)).isEqualByComparingTo(stored("ORGANIZATIONS", rs.getString(1), NOW));
					forecasts.add(forecast);
				}
			}
		}
		assertThat(forecasts).as("the linked organization's open month is forecast too").hasSize(4);
		BigDecimal total = forecasts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			Sheet summary = book.getSheetAt(0);
			String title = (book == workbook) ? "Accrual of " + NOW : NOW + " の見込み計上";
			int titleRow = rowStartingWith(summary, title);
			assertThat(texts(summary.getRow(titleRow + 1))).startsWith((book == workbook)
					? new String[] { "Organization", "Month to date", "Forecast, usage (month end)", "Tax rate",
							"Expected tax", "Accrual", "Band low (with tax)", "Band high (with tax)", "Monthly budget",
							"Outlook (billed)" }
					: new String[] { "組織", "月初来", "利用額予測（月末）", "税率", "見込み税額", "見込み計上額", "予測幅（下限、税込）", "予測幅（上限、税込）",
							"月次予算", "見通し（請求額）" });
			// the lines: Formula org, Acme Production's billing account, its 2
			// organizations, アクメ株式会社; then the total of the 3 accounts
			Row totals = summary.getRow(titleRow + 2 + 5);
			assertThat(cents(evaluator(book).evaluate(totals.getCell(2)).getNumberValue())).isEqualByComparingTo(total);
			assertThat(cents(evaluator(book).evaluate(totals.getCell(1)).getNumberValue()))
				.isEqualByComparingTo(stored("ORGANIZATIONS", null, NOW));
			// the open month's row compares nothing with the month before (the columns
			// after the 4 organizations', the billing account's and the total)
			Row open = summary.getRow(4);
			assertThat(open.getCell(7)).isNull();
			assertThat(open.getCell(8)).isNull();
			Sheet budgets = book.getSheetAt(3);
			Row openBudget = budgets.getRow(2);
			assertThat(openBudget.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(openBudget.getCell(9).getStringCellValue()).isIn("on track", "at risk", "over budget", "予算内の見込み",
					"超過のおそれ", "予算超過");
		}
	}

	@Test
	void theSandboxSummaryHasItsChartUnderTheWideTableAndPrintsOnOnePageInAJapaneseFontToo() {
		for (XSSFWorkbook book : List.of(workbook, workbookJa)) {
			var summary = book.getSheetAt(0);
			var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) summary.getDrawingPatriarch()
				.getShapes()
				.get(0)
				.getAnchor();
			// four organizations and a billing account make the table too wide for the
			// chart beside it: the chart starts in the first column, a blank row under
			// the table's last row (Last 12 closed months)
			int lastOfTable = rowStartingWith(summary, (book == workbook) ? "Last 12 closed months" : "直近 12 か月の確定月");
			assertThat(anchor.getRow1()).isEqualTo(lastOfTable + 2);
			assertThat((int) anchor.getCol1()).isZero();
			assertThat(summary.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
			assertThat(summary.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(book.getPrintArea(0)).isNotNull();
			// the movers explain the latest month before the open one
			String movers = (book == workbook) ? "Largest movers: " + NOW.minusMonths(1)
					: "変動の大きい項目：" + NOW.minusMonths(1);
			assertThat(textsStartingWith(summary, movers)).hasSize(1);
		}
		for (int i = 0; i < workbookJa.getNumberOfFonts(); i++) {
			assertThat(workbookJa.getFontAt(i).getFontName()).isEqualTo("Yu Gothic");
			assertThat(workbookJa.getFontAt(i).getItalic()).isFalse();
		}
	}

	private static XSSFWorkbook workbookIn(Path dir) throws IOException {
		return open(dir.resolve("reports").resolve("finance-check_" + FROM + "_" + NOW + ".xlsx"));
	}

	private static FormulaEvaluator evaluator(XSSFWorkbook book) {
		return book.getCreationHelper().createFormulaEvaluator();
	}

	private static List<String> textsStartingWith(Sheet sheet, String prefix) {
		List<String> found = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(prefix)) {
					found.add(cell.getStringCellValue());
				}
			}
		}
		return found;
	}

	private static BigDecimal grandTotal(Sheet sheet, FormulaEvaluator evaluator) {
		for (int r = sheet.getLastRowNum(); r > 0; r--) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
					&& (row.getCell(0).getStringCellValue().equals("Total")
							|| row.getCell(0).getStringCellValue().equals("合計"))) {
				return cents(evaluator.evaluate(row.getCell(row.getLastCellNum() - 1)).getNumberValue());
			}
		}
		throw new AssertionError("no total row on " + sheet.getSheetName());
	}

	/**
	 * The line of the accrual block, under its title, whose name is the label (an
	 * organization's line under a billing account is indented).
	 */
	private static int accrualLine(Sheet sheet, int title, String label) {
		for (int r = title + 2; r <= title + 6; r++) {
			if (sheet.getRow(r).getCell(0).getStringCellValue().strip().equals(label.strip())) {
				return r;
			}
		}
		throw new AssertionError("no accrual line " + label);
	}

	/**
	 * The invoiced amount (amountBilledCents) of a month in the English run: of an
	 * organization, of what a paying organization pays (its own and its linked ones'), or
	 * of all when both are null.
	 */
	private static BigDecimal billed(String org, String payer, YearMonth month) throws SQLException {
		String sql = "SELECT COALESCE(SUM(amount_billed_cents), 0) FROM invoice WHERE billing_month = ?"
				+ " AND (? IS NULL OR org_id = ?) AND (? IS NULL OR paying_org_id = ?)";
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(english), "sa", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, month.atDay(1));
			statement.setString(2, org);
			statement.setString(3, org);
			statement.setString(4, payer);
			statement.setString(5, payer);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return BigDecimal.valueOf(rs.getLong(1), 2);
			}
		}
	}

	/** The stored sum of the English run (both runs store the same sandbox answers). */
	private static BigDecimal stored(String groupBy, String org, YearMonth month) throws SQLException {
		String sql = "SELECT COALESCE(SUM(u.amount), 0) FROM usage_row u JOIN cost_query q ON q.id = u.query_id"
				+ " WHERE (? IS NULL OR q.group_by = ?) AND (? IS NULL OR COALESCE(u.organization_id, q.org_id) = ?)"
				+ " AND (CAST(? AS DATE) IS NULL OR q.window_start = ?)";
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(english), "sa", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, groupBy);
			statement.setString(2, groupBy);
			statement.setString(3, org);
			statement.setString(4, org);
			statement.setObject(5, (month != null) ? month.atDay(1) : null);
			statement.setObject(6, (month != null) ? month.atDay(1) : null);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBigDecimal(1);
			}
		}
	}

	private static int count() throws SQLException {
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(english), "sa", "");
				ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM usage_row")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static int countOf(String groupBy) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SandboxRun.jdbcUrl(english), "sa", "");
				PreparedStatement statement = connection.prepareStatement(
						"SELECT COUNT(*) FROM usage_row u JOIN cost_query q ON q.id = u.query_id WHERE q.group_by = ?")) {
			statement.setString(1, groupBy);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

}
