package com.atlascost.reports.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * Writes a report of {@code N} usage rows (default 1,000,000) and prints the time and the
 * peak heap. Not a test: run it with a small heap to show memory stays flat, e.g.
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.atlascost.reports.report.WorkbookBenchmark 1000000 target/benchmark
 * </pre>
 *
 * The rows are generated as they are read (12 months, 5 organizations of 40 projects, 70
 * % projects grouping and 30 % services), so the heap holds only what the writer keeps.
 */
public final class WorkbookBenchmark {

	private static final YearMonth FROM = YearMonth.of(2026, 1);

	private static final List<String> SERVICES = List.of("Clusters", "Storage", "Backup", "Data Transfer", "Serverless",
			"Search", "Stream Processing", "Support", "Credits", "Charts");

	private WorkbookBenchmark() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path dir = Files.createDirectories(Path.of((args.length > 1) ? args[1] : "target/benchmark"));
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		ReportRequest request = new ReportRequest("benchmark", FROM, FROM.plusMonths(11),
				List.of(Grouping.PROJECTS, Grouping.SERVICES), generated(rows), Map.of("rows", Integer.toString(rows)),
				"2025-02-19", Instant.now(), new TreeSet<>(List.of(FROM.plusMonths(11))), false, Map.of("DONE", 120L),
				List.of(), Map.of(), List.of(), List.of());
		long start = System.nanoTime();
		ReportFiles files = new ReportWriter(dir).write(request);
		long millis = (System.nanoTime() - start) / 1_000_000;
		sampler.interrupt();
		sampler.join();
		peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
		System.out.printf("rows=%,d time=%.1fs peakHeapUsed=%,d MB maxHeap=%,d MB xlsx=%,d KB csv=%,d KB%n",
				files.usageRows(), millis / 1000.0, peak.get() / (1024 * 1024),
				memory.getHeapMemoryUsage().getMax() / (1024 * 1024), Files.size(files.workbook()) / 1024,
				Files.size(files.focusCsv()) / 1024);
	}

	/** Rows made on each pass, the same every time, none kept. */
	private static UsageRows generated(int count) {
		return (action) -> {
			for (int i = 0; i < count; i++) {
				int org = i % 5;
				YearMonth month = FROM.plusMonths((i / 5) % 12);
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
								month.equals(FROM.plusMonths(11)), Instant.parse("2026-12-01T05:00:00Z")));
			}
		};
	}

}
