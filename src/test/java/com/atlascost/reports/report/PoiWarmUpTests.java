package com.atlascost.reports.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;

import static org.assertj.core.api.Assertions.assertThat;

class PoiWarmUpTests {

	private final PoiWarmUp warmUp = new PoiWarmUp(new Binder().bindOrCreate("report", WorkbookProperties.class));

	@Test
	void theWarmUpWorkbookUsesTheReportsSheetsChartAndTable() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.warmUp.write(out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<String> names = new ArrayList<>();
			workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("Summary", "Projects", "Services", "Budgets", "Detail", "Run info");
			assertThat(workbook.getSheet("Summary").getDrawingPatriarch().getCharts()).hasSize(1);
			XSSFSheet detail = workbook.getSheet("Detail");
			assertThat(detail.getTables()).singleElement()
				.satisfies((table) -> assertThat(table.getName()).isEqualTo("UsageDetail1"));
			assertThat(workbook.getSheet("Projects").getSheetConditionalFormatting().getNumConditionalFormattings())
				.isPositive();
		}
	}

	@Test
	void theWarmUpCreatesNoTemporaryFile(@TempDir Path poiFiles) throws IOException {
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFiles.toFile()));
		try {
			this.warmUp.write(ByteArrayOutputStream.nullOutputStream());
			try (Stream<Path> files = Files.list(poiFiles)) {
				assertThat(files).isEmpty();
			}
		}
		finally {
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
		}
	}

	@Test
	void startingAgainInTheSameJvmStartsNoSecondWarmUp() {
		PoiWarmUp other = new PoiWarmUp(new Binder().bindOrCreate("report", WorkbookProperties.class));
		this.warmUp.start();
		other.start();
		assertThat(this.warmUp.isRunning()).isTrue();
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn((thread) -> thread.getName().equals("poi-warm-up"))
			.hasSizeLessThanOrEqualTo(1)
			.allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue());
		this.warmUp.stop();
		other.stop();
		assertThat(this.warmUp.isRunning()).isFalse();
	}

}
