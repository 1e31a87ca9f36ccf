package com.atlascost.reports.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.atlascost.reports.atlas.AtlasProperties;
import com.atlascost.reports.atlas.TestAtlasProperties;
import com.atlascost.reports.sandbox.SandboxCounters;
import com.atlascost.reports.sandbox.SandboxData;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

/**
 * A fleet in one JVM: {@code N} organizations x 24 months x 4 groupings (organizations,
 * projects, clusters, services), each query running 1 to 2 s in the sandbox behind the
 * published bucket of each organization (500 requests, 100 more a minute), client,
 * sandbox and database in this process. Prints the queries per second, the fetch phase
 * against its bound, the peak heap, the database rows per second and the report time;
 * checks that no query was lost (DONE = planned). Not a test: a program, run with the
 * heap it is meant to fit in.
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      com.atlascost.reports.job.FleetBenchmark 1000 h2 target/fleet
 * </pre>
 *
 * The second argument is {@code h2} (a file under the directory) or {@code postgresql} (a
 * scratch database on 127.0.0.1:5432, created and dropped); further arguments are passed
 * to the application ({@code --usage.concurrency=300}, say).
 */
public final class FleetBenchmark {

	private static final int MONTHS = 24;

	private static final int GROUPINGS = 4;

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int organizations = Integer.parseInt(args[0]);
		String database = args[1];
		Path dir = Path.of(args[2]).toAbsolutePath();
		String[] extra = java.util.Arrays.copyOfRange(args, 3, args.length);
		Files.createDirectories(dir);
		Path job = writeJob(dir, organizations);
		String[] common = concat(new String[] { "--job=" + job, "--sandbox", "--from=2023-01", "--to=2024-12",
				"--sandbox.processing-delay=1s", "--sandbox.processing-delay-max=2s", "--progress=log",
				"--progress.interval=15s" }, extra);
		try (TestDatabase db = "h2".equals(database) ? TestDatabase.h2() : TestDatabase.postgres();
				HeapWatch heap = HeapWatch.start()) {
			Path runDir = dir.resolve("run-" + database + "-" + organizations + "-" + System.currentTimeMillis());
			Instant started = Instant.now();
			SandboxRun run = SandboxRun.of(db, runDir, common);
			Duration process = Duration.between(started, Instant.now());
			report(organizations, database, db, runDir, run, process, heap);
		}
	}

	private static void report(int organizations, String database, TestDatabase db, Path runDir, SandboxRun run,
			Duration whole, HeapWatch heap) throws SQLException {
		long planned = (long) organizations * MONTHS * GROUPINGS;
		Map<String, Duration> steps = new LinkedHashMap<>();
		Instant fetchStart = null;
		Instant fetchEnd = null;
		long done;
		long rows;
		try (Connection connection = db.connect(runDir); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"SELECT step_name, start_time, end_time FROM batch_step_execution ORDER BY step_execution_id")) {
				while (rs.next()) {
					Timestamp start = rs.getTimestamp(2);
					Timestamp end = rs.getTimestamp(3);
					if (start != null && end != null) {
						steps.put(rs.getString(1), Duration.between(start.toInstant(), end.toInstant()));
						if ("fetch".equals(rs.getString(1))) {
							fetchStart = start.toInstant();
							fetchEnd = end.toInstant();
						}
					}
				}
			}
			done = count(statement, "SELECT COUNT(*) FROM cost_query WHERE state = 'DONE'");
			rows = count(statement, "SELECT COUNT(*) FROM usage_row");
		}
		SandboxCounters counters = run.counters();
		Duration fetch = steps.getOrDefault("fetch", Duration.ZERO);
		AtlasProperties.RateLimit limit = TestAtlasProperties.of().rateLimit();
		// the bound Atlas sets: each organization's queries need at least a create and
		// one
		// poll each from its bucket; organizations have buckets of their own
		long minCallsPerOrg = 2L * MONTHS * GROUPINGS;
		Duration forcedByRateLimit = limit.period()
			.multipliedBy(Math.max(0, minCallsPerOrg - limit.capacity()))
			.dividedBy(limit.refill());
		Duration slowest = counters.longestProcessing();
		Duration apiBound = slowest.plus(forcedByRateLimit);
		print("%d organizations x %d months x %d groupings = %d queries, database %s, load %s", organizations, MONTHS,
				GROUPINGS, planned, database, load());
		print("exit code %d; queries DONE %d of %d planned%s", run.exitCode(), done, planned,
				(done == planned) ? " (none lost)" : " (LOST " + (planned - done) + ")");
		print("fetch phase %s: %.1f queries/s, %.0f database rows/s (%d usage rows)", seconds(fetch),
				planned / secondsOf(fetch), rows / secondsOf(fetch), rows);
		print("bound set by Atlas: slowest query %s + forced by the per-organization rate limit %s (%d calls per"
				+ " organization at least, bucket %d) = %s; fetch = %.1f x it", seconds(slowest),
				seconds(forcedByRateLimit), minCallsPerOrg, limit.capacity(), seconds(apiBound),
				ratio(fetch, apiBound));
		long calls = counters.creates() + counters.polls();
		print("API calls per query %.2f (%d creates, %d polls), 429 answers %d, peak open queries %d",
				(double) calls / planned, counters.creates(), counters.polls(), counters.rateLimited(),
				counters.peakOpenQueries());
		int cores = Runtime.getRuntime().availableProcessors();
		Duration fetchCpu = (fetchStart != null) ? heap.cpuBetween(fetchStart, fetchEnd) : Duration.ZERO;
		Duration machineBound = fetchCpu.dividedBy(cores);
		print("bound set by this machine: the fetch phase took %s of process CPU (client, sandbox and database"
				+ " together, %.1f ms a query); all %d cores ours, that is %s; fetch = %.1f x it (the rest of the"
				+ " machine was busy elsewhere: load %s)", seconds(fetchCpu), fetchCpu.toNanos() / 1e6 / planned, cores,
				seconds(machineBound), ratio(fetch, machineBound), load());
		print("CPU: %s of process CPU time during the whole run, %.0f%% of the machine", seconds(heap.cpu()),
				100.0 * heap.cpu().toNanos() / (whole.toNanos() * cores));
		print("heap: peak used %d MB, peak live after a collection %d MB, max %d MB", heap.peakUsed() >> 20,
				heap.peakLive() >> 20, Runtime.getRuntime().maxMemory() >> 20);
		StringBuilder times = new StringBuilder();
		steps.forEach((step, took) -> times.append(step).append(' ').append(seconds(took)).append(", "));
		print("steps: %swhole run %s; report %s", times, seconds(whole),
				seconds(steps.getOrDefault("report", Duration.ZERO)));
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Path writeJob(Path dir, int organizations) throws IOException {
		StringBuilder job = new StringBuilder("""
				name: fleet
				groupBy: [organizations, projects, clusters, services]
				organizations:
				""");
		for (int i = 1; i <= organizations; i++) {
			job.append("  - id: ").append(SandboxData.fleetOrganizationId(i)).append('\n');
		}
		Path file = dir.resolve("fleet-" + organizations + ".yml");
		Files.writeString(file, job);
		return file;
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String[] concat(String[] first, String[] more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	private static double secondsOf(Duration duration) {
		return Math.max(1, duration.toNanos()) / 1e9;
	}

	private static double ratio(Duration a, Duration b) {
		return (double) a.toNanos() / Math.max(1, b.toNanos());
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
	}

	private static void print(String format, Object... args) {
		System.out.println("FLEET " + String.format(Locale.ROOT, format, args));
	}

	/**
	 * Samples the heap every 50 ms: the peak in use (garbage included) and the peak left
	 * after collections (what the run holds), and the process's CPU time.
	 */
	private static final class HeapWatch implements AutoCloseable {

		private final AtomicLong peakUsed = new AtomicLong();

		private final AtomicLong peakLive = new AtomicLong();

		/** (epoch millisecond, process CPU nanoseconds) every 200 ms. */
		private final List<long[]> cpuSamples = new CopyOnWriteArrayList<>();

		private final long cpuStart = cpuNanos();

		private final Thread thread;

		private volatile boolean running = true;

		private HeapWatch() {
			this.thread = new Thread(this::sample, "heap-watch");
			this.thread.setDaemon(true);
		}

		static HeapWatch start() {
			HeapWatch watch = new HeapWatch();
			watch.thread.start();
			return watch;
		}

		private void sample() {
			long samples = 0;
			while (this.running) {
				long used = 0;
				long live = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP) {
						used += pool.getUsage().getUsed();
						MemoryUsage afterGc = pool.getCollectionUsage();
						live += (afterGc != null) ? afterGc.getUsed() : 0;
					}
				}
				this.peakUsed.accumulateAndGet(used, Math::max);
				this.peakLive.accumulateAndGet(live, Math::max);
				if (++samples % 4 == 0) {
					this.cpuSamples.add(new long[] { System.currentTimeMillis(), cpuNanos() });
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		/** Process CPU time spent between two instants (to the nearest sample). */
		Duration cpuBetween(Instant from, Instant to) {
			return Duration.ofNanos(cpuAt(to.toEpochMilli()) - cpuAt(from.toEpochMilli()));
		}

		private long cpuAt(long epochMillis) {
			long cpu = 0;
			for (long[] sample : this.cpuSamples) {
				if (sample[0] > epochMillis) {
					return (cpu == 0) ? sample[1] : cpu;
				}
				cpu = sample[1];
			}
			return cpu;
		}

		long peakUsed() {
			return this.peakUsed.get();
		}

		long peakLive() {
			return this.peakLive.get();
		}

		Duration cpu() {
			return Duration.ofNanos(cpuNanos() - this.cpuStart);
		}

		private static long cpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		@Override
		public void close() {
			this.running = false;
		}

	}

}
