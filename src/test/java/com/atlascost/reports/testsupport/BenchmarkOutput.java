package com.atlascost.reports.testsupport;

import java.time.Duration;
import java.util.Locale;

/**
 * How the benchmarks print: one {@code BENCHMARK} line per figure, seconds to the
 * hundredth and ratios against a baseline measured in the same run.
 */
public final class BenchmarkOutput {

	private BenchmarkOutput() {
	}

	public static double ratio(Duration measured, Duration baseline) {
		return (double) measured.toNanos() / baseline.toNanos();
	}

	public static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
	}

	public static void print(String format, Object... args) {
		System.out.println("BENCHMARK " + String.format(Locale.ROOT, format, args));
	}

}
