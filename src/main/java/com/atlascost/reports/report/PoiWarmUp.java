package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.ss.util.SheetUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

import com.atlascost.reports.plan.Budget;
import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.summary.RunSummary;
import com.atlascost.reports.usage.StoredBill;
import com.atlascost.reports.usage.StoredUsage;
import com.atlascost.reports.usage.UsageRows;

/**
 * Pays POI's first use while the job starts and fetches, rather than in the report step:
 * on a background thread at the lowest priority, once per JVM, the report's own writer
 * fills a small workbook in memory (a run without invoices: every sheet but
 * Reconciliation and Tags) and writes it to nowhere. The report never waits for it:
 * whatever the warm-up has done (classes loaded and initialised, code compiled) the
 * report reuses, and it does the rest itself.
 *
 * <p>
 * The workbook is a plain {@link XSSFWorkbook}, not the streaming one the report writes:
 * it creates no temporary file, so it cannot meet one of a report's. A failure here fails
 * nothing; it is logged at DEBUG and the first report pays the set-up as before.
 */
@Component
@ConditionalOnProperty(name = "report.warm-up", havingValue = "true", matchIfMissing = true)
class PoiWarmUp implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PoiWarmUp.class);

	/** Once per JVM, however many application contexts it starts (tests start many). */
	private static final AtomicBoolean started = new AtomicBoolean();

	private static final YearMonth FROM = YearMonth.of(2026, 1);

	private static final YearMonth TO = FROM.plusMonths(2);

	private final WorkbookWriter writer;

	private volatile boolean running;

	PoiWarmUp(WorkbookProperties properties) {
		this.writer = new WorkbookWriter(ReportSettings.of(properties));
	}

	@Override
	public void start() {
		this.running = true;
		if (started.compareAndSet(false, true)) {
			Thread thread = new Thread(this::warmUp, "poi-warm-up");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			thread.start();
		}
	}

	@Override
	public void stop() {
		// Nothing to stop: the thread is a daemon, and ends by itself within seconds.
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	void warmUp() {
		long start = System.nanoTime();
		try {
			write(OutputStream.nullOutputStream());
			logger.debug("POI warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			logger.debug("POI's warm-up failed; the first report sets POI up itself", ex);
		}
	}

	/** A small report's workbook, written with the report's sheets. */
	void write(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			// The streaming sheets measure a character through AWT when they are created.
			SheetUtil.getDefaultCharWidthAsFloat(workbook);
			this.writer.writeSheets(workbook, request(), InvoiceReport.none());
			workbook.write(out);
		}
	}

	/** Two organizations, a project and a service each, three months, a budget. */
	private static ReportRequest request() {
		List<StoredUsage> rows = new ArrayList<>();
		List<StoredBill> bills = new ArrayList<>();
		for (String org : List.of("5f0c2a3b4d5e6f7081920a1b", "5f0c2a3b4d5e6f7081920a1c")) {
			for (YearMonth month = FROM; !month.isAfter(TO); month = month.plusMonths(1)) {
				BigDecimal amount = BigDecimal.valueOf(100 + month.getMonthValue() * 40L, 2);
				rows.add(usage(org, Grouping.PROJECTS, month, "6a1b2c3d4e5f607182930a4b", null, amount));
				rows.add(usage(org, Grouping.SERVICES, month, null, "Clusters", amount));
				bills.add(new StoredBill(org, "org-" + org.substring(22), month, amount, month.equals(TO)));
			}
		}
		return new ReportRequest(
				new ReportRequest.Scope("warm-up", FROM, TO, new TreeSet<>(List.of(TO)),
						List.of(Grouping.PROJECTS, Grouping.SERVICES), false,
						List.of(new Budget("5f0c2a3b4d5e6f7081920a1b", null, BigDecimal.valueOf(30000, 2)))),
				UsageRows.of(rows), new ReportRequest.Billing(bills, List.of()),
				new ReportRequest.RunInfo(Map.of("job", "warm-up"), "2025-02-19", Instant.EPOCH, Map.of("DONE", 12L),
						new RunSummary(List.of())));
	}

	private static StoredUsage usage(String org, Grouping grouping, YearMonth month, @Nullable String projectId,
			@Nullable String service, BigDecimal amount) {
		return new StoredUsage(1, org, "org-" + org.substring(22), grouping, MonthWindow.of(month), month.atDay(1),
				"Organization " + org.substring(22), projectId, (projectId != null) ? "checkout" : null, null, null,
				service, amount, month.equals(TO), Instant.EPOCH);
	}

}
