package com.atlascost.reports.report;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.atlascost.reports.report.ReportRequestFixture.NOV;
import static com.atlascost.reports.report.ReportRequestFixture.OCT;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_A;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_B;
import static com.atlascost.reports.report.ReportRequestFixture.P3;
import static com.atlascost.reports.report.WorkbookAssertions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.StoredUsage;

class FocusCsvWriterTests {

	private static final String HEADER_LINE = "BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,"
			+ "BilledCost,BillingCurrency,ProviderName,BillingAccountId,BillingAccountName,SubAccountId,"
			+ "SubAccountName,ResourceId,ResourceName,ServiceName,ChargeCategory,x_GroupBy,x_Provisional";

	@TempDir
	Path reports;

	private final List<StoredUsage> rows = ReportRequestFixture.realisticRows();

	@Test
	void headerIsExactAndThereIsOneLinePerRow() throws IOException {
		Path csv = write(this.rows);
		String content = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(content).startsWith(HEADER_LINE + "\r\n");
		List<CSVRecord> records = read(csv);
		assertThat(records).hasSize(this.rows.size());
		assertThat(records).allSatisfy((record) -> assertThat(record.size()).isEqualTo(17));
	}

	@Test
	void firstRowHasExactValuesAndItsFormulaLikeNameIsNeutralised() throws IOException {
		// report order: projects first, Acme Labs before Acme Production, by month
		CSVRecord first = read(write(this.rows)).get(0);
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("BillingPeriodStart", "2026-09-01T00:00:00Z");
		expected.put("BillingPeriodEnd", "2026-10-01T00:00:00Z");
		expected.put("ChargePeriodStart", "2026-09-01T00:00:00Z");
		expected.put("ChargePeriodEnd", "2026-10-01T00:00:00Z");
		expected.put("BilledCost", "40.00");
		expected.put("BillingCurrency", "USD");
		expected.put("ProviderName", "MongoDB Atlas");
		expected.put("BillingAccountId", ORG_B);
		expected.put("BillingAccountName", "'=HYPERLINK(\"http://x\",\"y\")");
		expected.put("SubAccountId", P3);
		expected.put("SubAccountName", "ml-lab");
		expected.put("ResourceId", "");
		expected.put("ResourceName", "");
		expected.put("ServiceName", "");
		expected.put("ChargeCategory", "Usage");
		expected.put("x_GroupBy", "projects");
		expected.put("x_Provisional", "false");
		assertThat(first.toMap()).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void formulaLikeNameIsQuotedAndPrefixedInTheRawFile() throws IOException {
		assertThat(Files.readString(write(this.rows), StandardCharsets.UTF_8))
			.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
	}

	@Test
	void creditIsNegativeWithChargeCategoryCredit() throws IOException {
		CSVRecord credit = read(write(this.rows)).stream()
			.filter((record) -> record.get("BillingAccountId").equals(ORG_A)
					&& record.get("x_GroupBy").equals("projects")
					&& record.get("ChargePeriodStart").equals("2026-10-01T00:00:00Z")
					&& record.get("SubAccountId").isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(credit.get("BilledCost")).isEqualTo("-20.00");
		assertThat(credit.get("ChargeCategory")).isEqualTo("Credit");
		assertThat(credit.get("BillingAccountName")).isEqualTo("Acme Prod");
		assertThat(credit.get("SubAccountName")).isEmpty();
		assertThat(credit.get("x_Provisional")).isEqualTo("false");
	}

	@Test
	void provisionalMonthServiceRowIsMarked() throws IOException {
		CSVRecord last = read(write(this.rows)).get(this.rows.size() - 1);
		assertThat(last.get("BillingAccountId")).isEqualTo(ORG_A);
		assertThat(last.get("ServiceName")).isEqualTo("Clusters");
		assertThat(last.get("BilledCost")).isEqualTo("60.33");
		assertThat(last.get("ChargePeriodStart")).isEqualTo("2026-11-01T00:00:00Z");
		assertThat(last.get("ChargePeriodEnd")).isEqualTo("2026-12-01T00:00:00Z");
		assertThat(last.get("x_GroupBy")).isEqualTo("services");
		assertThat(last.get("x_Provisional")).isEqualTo("true");
	}

	@Test
	void billedCostsSumToTheRows() throws IOException {
		List<CSVRecord> records = read(write(this.rows));
		BigDecimal total = records.stream()
			.map((record) -> new BigDecimal(record.get("BilledCost")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(total).isEqualByComparingTo(sum(this.rows, (row) -> true));
		assertThat(records).filteredOn((record) -> record.get("BilledCost").startsWith("-"))
			.allSatisfy((record) -> assertThat(record.get("ChargeCategory")).isEqualTo("Credit"))
			.hasSize(4);
	}

	@Test
	void clusterRowsFillResourceAndAccountNameFallsBackToTheLabel() throws IOException {
		StoredUsage cluster = new StoredUsage(20, ORG_A, "Acme Production", Grouping.CLUSTERS, MonthWindow.of(OCT),
				OCT.atDay(1), null, null, null, "65aa00000000000000000001", "orders-eu", null, new BigDecimal("1234.5"),
				false, Instant.parse("2026-11-03T04:05:06Z"));
		CSVRecord record = read(write(List.of(cluster))).get(0);
		assertThat(record.get("BillingAccountName")).isEqualTo("Acme Production");
		assertThat(record.get("ResourceId")).isEqualTo("65aa00000000000000000001");
		assertThat(record.get("ResourceName")).isEqualTo("orders-eu");
		assertThat(record.get("BilledCost")).isEqualTo("1234.50");
		assertThat(record.get("x_GroupBy")).isEqualTo("clusters");
	}

	@Test
	void nonAsciiNamesAreUtf8() throws IOException {
		StoredUsage row = ReportRequestFixture.project(30, ORG_B, NOV, P3, "Zürich-Ω 東京", "1.00");
		Path csv = write(List.of(row));
		assertThat(new String(Files.readAllBytes(csv), StandardCharsets.UTF_8)).contains(",Zürich-Ω 東京,");
	}

	@Test
	void textStartingWithAFormulaCharacterGetsALeadingQuote() {
		assertThat(FocusCsvWriter.text("=1+1")).isEqualTo("'=1+1");
		assertThat(FocusCsvWriter.text("+1")).isEqualTo("'+1");
		assertThat(FocusCsvWriter.text("-dev")).isEqualTo("'-dev");
		assertThat(FocusCsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(FocusCsvWriter.text("\tx")).isEqualTo("'\tx");
		assertThat(FocusCsvWriter.text("\rx")).isEqualTo("'\rx");
		assertThat(FocusCsvWriter.text("a=b")).isEqualTo("a=b");
		assertThat(FocusCsvWriter.text("")).isEmpty();
		assertThat(FocusCsvWriter.text(null)).isNull();
	}

	private Path write(List<StoredUsage> rows) {
		return new ReportWriter(this.reports).write(ReportRequestFixture.request("finance-monthly", rows)).focusCsv();
	}

	private static List<CSVRecord> read(Path csv) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(in, format)) {
			List<String> header = parser.getHeaderNames();
			assertThat(header).isEqualTo(FocusCsvWriter.HEADER);
			return new ArrayList<>(parser.getRecords());
		}
	}

}
