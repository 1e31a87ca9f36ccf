package com.atlascost.reports.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.summary.Cents;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * Prints, in one run, where the report's time goes. Not a test (benchmarks print numbers,
 * tests assert behaviour), so not part of {@code ./mvnw verify}. Run it with a small heap
 * to show memory stays flat:
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.atlascost.reports.report.WorkbookBenchmark 1000000 target/benchmark
 * </pre>
 *
 * <ol>
 * <li>{@code cold}: the first report of the JVM (500 rows), class loading and POI's
 * first-use set-up included, as the job's report step pays it.</li>
 * <li>{@code rows}: the workbook of {@code N} usage rows (default 1,000,000; 12 months, 5
 * organizations of 40 projects, 70 % projects grouping and 30 % services; the rows read
 * once, summed as the Detail sheet is written) against a bare SXSSF loop writing the same
 * Detail cells (same rows, columns, styles, widths and frozen header; no other sheet,
 * table or chart) and their ratio; the FOCUS CSV timed apart (the generated run has no
 * invoices, so it is only its header); the peak heap.</li>
 * <li>{@code months}: the whole report of the same 3 organizations (2 projects and 1
 * service each, 9 rows a month) over 12, 120 and 600 months, per usage row and its ratio
 * to the 600-month case (the goal is time per row flat within 2x); then the cost of one
 * more row between the sizes and the fixed cost of a report that the times imply.</li>
 * <li>{@code months(addition: ...)}: not the case but an addition, the same for
 * organizations of a realistic size, 20 projects and 10 services each (90 rows a
 * month).</li>
 * </ol>
 * Timings after the cold one are the best of three, each on a warmed JVM; {@code months}:
 * each size in a JVM of its own (this one's options), the best of 5 s of runs (at least
 * twenty) after 30 s of writing that report. The rows are generated as they are read, so
 * the heap holds only what the writer keeps.
 */
public final class WorkbookBenchmark {

	private static final YearMonth FROM = YearMonth.of(2026, 1);

	private static final Instant FETCHED = Instant.parse("2026-12-01T05:00:00Z");

	private static final List<String> SERVICES = List.of("Clusters", "Storage", "Backup", "Data Transfer", "Serverless",
			"Search", "Stream Processing", "Support", "Credits", "Charts");

	private static final int RUNS = 3;

	/** The month reports take a second or less: best of more runs steadies them. */
	private static final int MONTH_RUNS = 20;

	/**
	 * How long a month report runs in its JVM before it is timed: the JIT keeps compiling
	 * POI and XMLBeans for about 25 s of 12-month reports (counted with
	 * {@code -XX:+PrintCompilation}: 3,900 compilations in the 2 s from 4 s on, 35 from
	 * 24 s on), and the best 12-month report went from 15 ms to 9 ms meanwhile.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(30);

	/** How long a month report is timed, at least {@link #MONTH_RUNS} runs. */
	private static final Duration TIMED = Duration.ofSeconds(5);

	private static final String ONE_SIZE = "--one-size";

	private WorkbookBenchmark() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length > 0 && args[0].equals(ONE_SIZE)) {
			oneSize(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
			return;
		}
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path dir = Files.createDirectories(Path.of((args.length > 1) ? args[1] : "target/benchmark"));
		System.out.printf("cores=%d load=%.1f maxHeap=%,d MB%n", Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		long cold = nanos(() -> ReportRequestFixture.writer(dir).write(request(500, 12), InvoiceReport.none()));
		System.out.printf("cold: first report of the JVM, 500 rows: %.2f s%n", cold / 1e9);
		rows(rows, dir);
		months(dir, "months", 2, 1);
		// An addition, not the case: organizations of a realistic size
		months(dir, "months(addition: 20 projects + 10 services an org)", 20, 10);
	}

	private static void rows(int rows, Path dir) throws IOException, InterruptedException {
		ReportRequest request = request(rows, 12);
		Path workbook = dir.resolve("benchmark-writer.xlsx");
		Path bare = dir.resolve("benchmark-bare.xlsx");
		Path csv = dir.resolve("benchmark.focus.csv");
		PeakHeap peak = PeakHeap.start();
		long writer = Long.MAX_VALUE;
		long baseline = Long.MAX_VALUE;
		long focus = Long.MAX_VALUE;
		for (int run = 0; run < RUNS; run++) {
			baseline = Math.min(baseline, nanos(() -> {
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bare))) {
					bareDetail(request.rows(), out);
				}
			}));
			writer = Math.min(writer, nanos(() -> {
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(workbook))) {
					new WorkbookWriter(ReportRequestFixture.settings()).write(request, InvoiceReport.none(), out);
				}
			}));
			focus = Math.min(focus, nanos(() -> {
				try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
					new FocusCsvWriter().write(InvoiceReport.none(), out);
				}
			}));
		}
		long peakHeap = peak.stop();
		System.out.printf(
				"rows=%,d writer=%.2f s bare SXSSF=%.2f s ratio=%.2f csv=%.3f s peakHeapUsed=%,d MB"
						+ " xlsx=%,d KB bare=%,d KB%n",
				rows, writer / 1e9, baseline / 1e9, (double) writer / baseline, focus / 1e9, peakHeap / (1024 * 1024),
				Files.size(workbook) / 1024, Files.size(bare) / 1024);
	}

	/**
	 * The whole report over 12, 120 and 600 months: time per row and its ratio to the
	 * 600-month one (the goal: within 2x), then what the times say about the shape: the
	 * cost of one more row between sizes (flat when nothing grows faster than the rows)
	 * and the fixed cost of a report that is left.
	 */
	private static void months(Path dir, String label, int projects, int services)
			throws IOException, InterruptedException {
		List<Integer> sizes = List.of(12, 120, 600);
		long[] best = new long[sizes.size()];
		int[] rows = new int[sizes.size()];
		for (int i = 0; i < sizes.size(); i++) {
			rows[i] = sizes.get(i) * 3 * (projects + services);
			best[i] = inItsOwnJvm(sizes.get(i), projects, services, dir);
		}
		int last = sizes.size() - 1;
		double lastPerRow = best[last] / 1e3 / rows[last];
		for (int i = 0; i < sizes.size(); i++) {
			double perRow = best[i] / 1e3 / rows[i];
			System.out.printf("%s=%d rows=%,d report=%.3f s perRow=%.1f us (x%.2f of 600 months)%n", label,
					sizes.get(i), rows[i], best[i] / 1e9, perRow, perRow / lastPerRow);
		}
		double[] marginal = new double[last];
		for (int i = 0; i < last; i++) {
			marginal[i] = (best[i + 1] - best[i]) / 1e3 / (rows[i + 1] - rows[i]);
		}
		double fixed = (best[0] / 1e3 - marginal[0] * rows[0]) / 1e3;
		System.out.printf(
				"%s: one more row costs %.1f us from 12 to 120 months, %.1f us from 120 to 600 (x%.2f);"
						+ " fixed cost of a report %.1f ms%n",
				label, marginal[0], marginal[1], marginal[1] / marginal[0], fixed);
	}

	/**
	 * The best time of one size's report, measured in a JVM of its own with this JVM's
	 * options, the way JMH forks one per benchmark. In this JVM the 12-month report was
	 * timed while its sheets other than Detail (the summary and its chart, the grouping
	 * and run-info sheets) were still being compiled: ten runs after the 1,000,000 rows
	 * measured 49 ms where a JVM warmed on it alone took 10 (2026-12-02, before the
	 * sheets stayed in memory). Warmed on the three sizes in turn, the code is compiled
	 * for the larger ones: the 12-month report then took 9.5 ms against 7 ms in a JVM of
	 * its own, the 600-month one the same in both.
	 */
	private static long inItsOwnJvm(int months, int projects, int services, Path dir)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkbookBenchmark.class.getName(), ONE_SIZE,
					Integer.toString(months), Integer.toString(projects), Integer.toString(services), dir.toString()));
		// its errors with its output, so a failure says why
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("the " + months + "-month report failed in its own JVM: " + output);
		}
		return output.lines()
			.filter((line) -> line.startsWith(ONE_SIZE))
			.map((line) -> Long.parseLong(line.substring(ONE_SIZE.length()).trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no time from the " + months + "-month JVM: " + output));
	}

	/**
	 * In the JVM of one size: writes its report for {@link #WARM_UP}, then prints the
	 * best of the runs in the next {@link #TIMED} (at least {@link #MONTH_RUNS}), in
	 * nanoseconds.
	 */
	private static void oneSize(int months, int projects, int services, Path dir) throws IOException {
		ReportWriter writer = ReportRequestFixture.writer(dir);
		ReportRequest request = request3(months, projects, services);
		long until = System.nanoTime() + WARM_UP.toNanos();
		while (System.nanoTime() < until) {
			writer.write(request, InvoiceReport.none());
		}
		long best = Long.MAX_VALUE;
		long timedUntil = System.nanoTime() + TIMED.toNanos();
		for (int run = 0; run < MONTH_RUNS || System.nanoTime() < timedUntil; run++) {
			best = Math.min(best, nanos(() -> writer.write(request, InvoiceReport.none())));
		}
		System.out.println(ONE_SIZE + " " + best);
	}

	/**
	 * The Detail sheet as a bare SXSSF loop would write it: the project's formats, widths
	 * and frozen header, the same cell per column.
	 */
	private static void bareDetail(UsageRows rows, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
			workbook.setCompressTempFiles(true);
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(boldFont);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat(WorkbookCells.CURRENCY_FORMAT));
			CellStyle month = workbook.createCellStyle();
			month.setDataFormat(workbook.createDataFormat().getFormat(WorkbookCells.MONTH_FORMAT));
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat(WorkbookCells.DATE_TIME_FORMAT));
			SXSSFSheet sheet = workbook.createSheet("Detail");
			Row headerRow = sheet.createRow(0);
			for (int column = 0; column < DetailSheet.HEADERS.size(); column++) {
				Cell cell = headerRow.createCell(column);
				cell.setCellValue(DetailSheet.HEADERS.get(column));
				cell.setCellStyle(header);
				sheet.setColumnWidth(column, 28 * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			YearMonth last = FROM.plusMonths(11);
			rows.forEach((usage) -> {
				Row row = sheet.createRow(next[0]++);
				text(row, 0, usage.organizationLabel());
				text(row, 1, usage.organizationId());
				text(row, 2, usage.organizationName());
				text(row, 3, usage.groupBy().apiName());
				Cell monthCell = row.createCell(4);
				monthCell.setCellValue(ReportMonths.monthOf(usage).atDay(1));
				monthCell.setCellStyle(month);
				text(row, 5, usage.projectId());
				text(row, 6, usage.projectName());
				text(row, 7, usage.clusterId());
				text(row, 8, usage.clusterName());
				text(row, 9, usage.service());
				Cell amount = row.createCell(10);
				amount.setCellValue(Cents.round(usage.amount()).doubleValue());
				amount.setCellStyle(money);
				text(row, 11, ReportMonths.monthOf(usage).equals(last) ? "provisional" : "final");
				Cell fetched = row.createCell(12);
				fetched.setCellValue(LocalDateTime.ofInstant(usage.fetchedAt(), ZoneOffset.UTC));
				fetched.setCellStyle(dateTime);
			});
			workbook.write(out);
		}
	}

	private static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static ReportRequest request(int rows, int months) {
		YearMonth to = FROM.plusMonths(months - 1);
		return new ReportRequest(
				new ReportRequest.Scope("benchmark", FROM, to, new TreeSet<>(List.of(to)),
						List.of(Grouping.PROJECTS, Grouping.SERVICES), false, List.of()),
				generated(rows, months), new ReportRequest.Billing(List.of(), List.of()),
				new ReportRequest.RunInfo(Map.of("rows", Integer.toString(rows)), "2025-02-19", Instant.now(),
						Map.of("DONE", 120L), new RunSummary(List.of())));
	}

	/** Rows made on each pass, the same every time, none kept. */
	private static UsageRows generated(int count, int months) {
		return (action) -> {
			for (int i = 0; i < count; i++) {
				int org = i % 5;
				YearMonth month = FROM.plusMonths((i / 5) % months);
				String orgId = String.format("5f0c2a3b4d5e6f70819200%02d", org);
				boolean projects = (i % 10) < 7;
				int project = (i / 60) % 40;
				BigDecimal amount = BigDecimal.valueOf(((i * 7919L) % 100_000) - ((i % 97 == 0) ? 60_000 : 0), 2);
				action.accept(
						new StoredUsage(i / 1000, orgId, "Org " + org, projects ? Grouping.PROJECTS : Grouping.SERVICES,
								MonthWindow.of(month), month.atDay(1 + (i % 28)), "Organization " + org,
								projects ? String.format("6a1b2c3d4e5f6071829%02d%03d", org, project) : null,
								projects ? "project-" + org + "-" + project : null, null, null,
								projects ? null : SERVICES.get(i % SERVICES.size()), amount,
								month.equals(FROM.plusMonths(11)), FETCHED));
			}
		};
	}

	/**
	 * 3 organizations, each with so many projects and services a month, in the store's
	 * order (grouping, organization, month).
	 */
	private static ReportRequest request3(int months, int projectLines, int serviceLines) {
		YearMonth to = FROM.plusMonths(months - 1);
		UsageRows rows = (action) -> {
			long id = 0;
			for (Grouping grouping : List.of(Grouping.PROJECTS, Grouping.SERVICES)) {
				for (int org = 0; org < 3; org++) {
					String orgId = String.format("5f0c2a3b4d5e6f70819200%02d", org);
					for (int m = 0; m < months; m++) {
						YearMonth month = FROM.plusMonths(m);
						int lines = (grouping == Grouping.PROJECTS) ? projectLines : serviceLines;
						for (int line = 0; line < lines; line++) {
							BigDecimal amount = BigDecimal.valueOf(100_000L + ((id * 7919L) % 50_000), 2);
							boolean projects = grouping == Grouping.PROJECTS;
							action.accept(new StoredUsage(++id, orgId, "Org " + org, grouping, MonthWindow.of(month),
									month.atDay(1), "Organization " + org,
									projects ? String.format("6a1b2c3d4e5f6071829%02d%03d", org, line) : null,
									projects ? "project-" + org + "-" + line : null, null, null,
									projects ? null
											: SERVICES.get(line % SERVICES.size())
													+ ((line < SERVICES.size()) ? "" : " " + line),
									amount, month.equals(to), FETCHED));
						}
					}
				}
			}
		};
		return new ReportRequest(
				new ReportRequest.Scope("months-" + months, FROM, to, new TreeSet<>(List.of(to)),
						List.of(Grouping.PROJECTS, Grouping.SERVICES), false, List.of()),
				rows, new ReportRequest.Billing(List.of(), List.of()),
				new ReportRequest.RunInfo(Map.of("months", Integer.toString(months)), "2025-02-19",
						Instant.parse("2026-12-01T06:00:00Z"), Map.of("DONE", 6L * months), new RunSummary(List.of())));
	}

	private static long nanos(Action action) throws IOException {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	@FunctionalInterface
	private interface Action {

		void run() throws IOException;

	}

	/** Samples the used heap every 20 ms until stopped. */
	private static final class PeakHeap {

		private final AtomicLong peak = new AtomicLong();

		private final Thread sampler;

		private PeakHeap(MemoryMXBean memory) {
			this.sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					this.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.sampler.setDaemon(true);
		}

		static PeakHeap start() {
			PeakHeap heap = new PeakHeap(ManagementFactory.getMemoryMXBean());
			heap.sampler.start();
			return heap;
		}

		long stop() throws InterruptedException {
			this.sampler.interrupt();
			this.sampler.join();
			return this.peak.get();
		}

	}

}
