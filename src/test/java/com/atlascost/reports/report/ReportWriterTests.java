package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.atlascost.reports.report.WorkbookAssertions.cents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportWriterTests {

	@TempDir
	Path temp;

	@Test
	void filesAreNamedAfterTheJobAndRangeInACreatedDirectory() {
		Path reports = this.temp.resolve("out/reports");
		ReportFiles files = ReportRequestFixture.writer(reports)
			.write(ReportRequestFixture.realistic(), InvoiceReport.none());
		assertThat(files.workbook()).isEqualTo(reports.resolve("finance-monthly_2026-09_2026-11.xlsx"));
		assertThat(files.focusCsv()).isEqualTo(reports.resolve("finance-monthly_2026-09_2026-11.focus.csv"));
		assertThat(files.workbook()).isRegularFile();
		assertThat(files.focusCsv()).isRegularFile();
	}

	@Test
	void theRowsAreReadOncePerReportForEverySheet() throws IOException {
		ReportRequest realistic = ReportRequestFixture.withBudgetsAndForecast();
		AtomicInteger reads = new AtomicInteger();
		AtomicInteger rowsHanded = new AtomicInteger();
		UsageRows counted = (action) -> {
			reads.incrementAndGet();
			realistic.rows().forEach((row) -> {
				rowsHanded.incrementAndGet();
				action.accept(row);
			});
		};
		ReportRequest request = new ReportRequest(realistic.scope(), counted, realistic.billing(), realistic.run());

		ReportFiles files = ReportRequestFixture.writer(this.temp).write(request, InvoiceReportFixture.realistic());

		assertThat(reads).hasValue(1);
		assertThat(rowsHanded).hasValue(20);
		assertThat(files.usageRows()).isEqualTo(20);
		// one read served the Detail sheet and the sums of every other sheet
		try (XSSFWorkbook workbook = WorkbookAssertions.open(files.workbook())) {
			assertThat(workbook.getSheet("Detail").getLastRowNum()).isEqualTo(20);
			// Acme Labs' ml-lab in 2026-09, summed from the same read
			assertThat(cents(workbook.getSheet("Projects").getRow(1).getCell(3).getNumericCellValue()))
				.isEqualByComparingTo("40.00");
			assertThat(workbook.getSheet("Budgets")).isNotNull();
		}
	}

	@Test
	void noTemporaryFileIsLeftAfterSuccess() throws IOException {
		ReportRequestFixture.writer(this.temp).write(ReportRequestFixture.realistic(), InvoiceReport.none());
		assertThat(fileNames(this.temp)).containsExactlyInAnyOrder("finance-monthly_2026-09_2026-11.xlsx",
				"finance-monthly_2026-09_2026-11.focus.csv");
	}

	@Test
	void theStreamingWorkbookLeavesNoTemporaryFileOfItsOwn(@TempDir Path poiFiles) throws IOException {
		// POI's temporary files go to a directory of this test's own, so other processes
		// on
		// the machine (parallel builds) cannot make this check pass or fail
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFiles.toFile()));
		try {
			ReportRequestFixture.writer(this.temp).write(ReportRequestFixture.realistic(), InvoiceReport.none());
			assertThat(TempFile.createTempFile("probe", ".tmp").toPath().getParent()).as("POI writes here")
				.isEqualTo(poiFiles);
			assertThat(fileNames(poiFiles)).filteredOn((name) -> name.startsWith("poi-sxssf")).isEmpty();
		}
		finally {
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
		}
	}

	@Test
	void temporaryFilesLeftByAKilledWriterAreDeletedByTheNextWriteAndOthersAreKept() throws IOException {
		Files.writeString(this.temp.resolve(".finance-monthly_2026-09_2026-11.xlsx.tmp-1234"), "half a workbook");
		Files.writeString(this.temp.resolve(".finance-monthly_2026-09_2026-11.focus.csv.tmp-5678"), "half a csv");
		Files.writeString(this.temp.resolve(".other-job_2026-09_2026-11.xlsx.tmp-9"), "another job's");
		ReportRequestFixture.writer(this.temp).write(ReportRequestFixture.realistic(), InvoiceReport.none());
		assertThat(fileNames(this.temp)).containsExactlyInAnyOrder("finance-monthly_2026-09_2026-11.xlsx",
				"finance-monthly_2026-09_2026-11.focus.csv", ".other-job_2026-09_2026-11.xlsx.tmp-9");
	}

	@Test
	void aRerunOfTheSameRangeReplacesTheReport() throws IOException {
		ReportWriter writer = ReportRequestFixture.writer(this.temp);
		ReportFiles first = writer.write(ReportRequestFixture.realistic(), InvoiceReportFixture.realistic());
		assertThat(Files.readAllLines(first.focusCsv())).hasSize(1 + 7);
		ReportFiles files = writer.write(
				ReportRequestFixture.request("finance-monthly", ReportRequestFixture.realisticRows().subList(0, 3)),
				InvoiceReport.none());
		assertThat(fileNames(this.temp)).hasSize(2);
		assertThat(Files.readAllLines(files.focusCsv())).as("replaced by a report without invoices").hasSize(1);
		try (XSSFWorkbook workbook = WorkbookAssertions.open(files.workbook())) {
			assertThat(workbook.getSheet("Detail").getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void aReportsDirectoryThatIsAFileFailsWithoutWritingAnything() throws IOException {
		Path notADirectory = Files.writeString(this.temp.resolve("reports"), "not a directory");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> ReportRequestFixture.writer(notADirectory)
				.write(ReportRequestFixture.realistic(), InvoiceReport.none()))
			.withCauseInstanceOf(FileAlreadyExistsException.class);
		assertThat(fileNames(this.temp)).containsExactly("reports");
		assertThat(notADirectory).hasContent("not a directory");
	}

	@Test
	void aWorkbookFailingMidWayLeavesTheEarlierReportUntouchedAndNoTemporaryFile() throws IOException {
		ReportFiles earlier = ReportRequestFixture.writer(this.temp)
			.write(ReportRequestFixture.realistic(), InvoiceReport.none());
		byte[] earlierWorkbook = Files.readAllBytes(earlier.workbook());
		byte[] earlierCsv = Files.readAllBytes(earlier.focusCsv());

		WorkbookWriter failing = new WorkbookWriter(ReportRequestFixture.settings()) {
			@Override
			ReportContents write(ReportRequest request, InvoiceReport invoices, OutputStream out) throws IOException {
				out.write("PK half a zip".getBytes());
				out.flush();
				throw new IOException("disk full");
			}
		};
		ReportWriter writer = new ReportWriter(this.temp, failing, new FocusCsvWriter());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> writer.write(
				ReportRequestFixture.request("finance-monthly", ReportRequestFixture.realisticRows().subList(0, 2)),
				InvoiceReport.none()))
			.withMessageContaining("disk full");

		assertThat(fileNames(this.temp)).containsExactlyInAnyOrder("finance-monthly_2026-09_2026-11.xlsx",
				"finance-monthly_2026-09_2026-11.focus.csv");
		assertThat(earlier.workbook()).hasBinaryContent(earlierWorkbook);
		assertThat(earlier.focusCsv()).hasBinaryContent(earlierCsv);
	}

	@Test
	void aCsvFailingMidWayLeavesNothingBehind() throws IOException {
		FocusCsvWriter failing = new FocusCsvWriter() {
			@Override
			long write(InvoiceReport invoices, Writer out) throws IOException {
				out.write("BilledCost,");
				throw new IllegalStateException("boom");
			}
		};
		ReportWriter writer = new ReportWriter(this.temp, new WorkbookWriter(ReportRequestFixture.settings()), failing);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> writer.write(ReportRequestFixture.realistic(), InvoiceReport.none()))
			.withMessage("boom");
		assertThat(fileNames(this.temp)).isEmpty();
	}

	@Test
	void aRowTheWritersCannotReadFailsWithoutPartialFiles() throws IOException {
		List<StoredUsage> rows = new ArrayList<>(ReportRequestFixture.realisticRows());
		StoredUsage broken = rows.get(0);
		// an amount the database would never hold: the CSV writer fails on it mid-file
		rows.add(new StoredUsage(99, broken.organizationId(), broken.organizationLabel(), broken.groupBy(),
				broken.window(), broken.usageDate(), null, null, null, null, null, null, null, false, null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> ReportRequestFixture.writer(this.temp)
			.write(ReportRequestFixture.request("finance-monthly", rows), InvoiceReport.none()));
		assertThat(fileNames(this.temp)).isEmpty();
	}

	@Test
	void aJobNameUnfitForAFileNameIsRefusedBeforeWriting() throws IOException {
		for (String name : List.of("../escape", "a/b", ".hidden", "", "two words")) {
			assertThatIllegalArgumentException().isThrownBy(() -> ReportRequestFixture.writer(this.temp)
				.write(ReportRequestFixture.request(name, ReportRequestFixture.realisticRows()), InvoiceReport.none()));
		}
		assertThat(fileNames(this.temp)).isEmpty();
	}

	@Test
	void aRequestWithoutGroupingsIsRefused() {
		ReportRequest request = ReportRequestFixture.inMemory("finance-monthly", YearMonth.of(2026, 9),
				YearMonth.of(2026, 11), List.of(), List.of(), Map.of(), "2025-02-19", Instant.now(), new TreeSet<>(),
				List.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReportRequestFixture.writer(this.temp).write(request, InvoiceReport.none()))
			.withMessageContaining("grouping");
	}

	@Test
	void aRunWithoutUsageStillWritesEveryMonthAsZero() throws IOException {
		ReportRequest request = ReportRequestFixture.inMemory("finance-monthly", YearMonth.of(2026, 9),
				YearMonth.of(2026, 11), List.of(Grouping.SERVICES), List.of(), Map.of(), "2025-02-19", Instant.now(),
				new TreeSet<>(), List.of());
		ReportFiles files = ReportRequestFixture.writer(this.temp).write(request, InvoiceReport.none());
		try (XSSFWorkbook workbook = WorkbookAssertions.open(files.workbook())) {
			Sheet summary = workbook.getSheet("Summary");
			assertThat(summary.getRow(4).getCell(0).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(YearMonth.of(2026, 11).atDay(1));
			assertThat(cents(summary.getRow(5).getCell(1).getNumericCellValue())).isEqualByComparingTo("0.00");
			assertThat(workbook.getSheet("Services").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Total");
		}
		assertThat(Files.readAllLines(files.focusCsv())).hasSize(1);
	}

	@Test
	void theReportsDirectoryComesFromTheReportsDirProperty() {
		new ApplicationContextRunner().withUserConfiguration(ReportSettingsConfiguration.class)
			.withBean(ReportWriter.class)
			.withPropertyValues("reports.dir=" + this.temp.resolve("configured"))
			.run((context) -> {
				ReportFiles files = context.getBean(ReportWriter.class)
					.write(ReportRequestFixture.realistic(), InvoiceReport.none());
				assertThat(files.workbook().getParent()).isEqualTo(this.temp.resolve("configured"));
			});
	}

	/**
	 * The settings groups the writer is built from, bound as the application binds them.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ReportOutputProperties.class, WorkbookProperties.class })
	static class ReportSettingsConfiguration {

	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
