package com.atlascost.reports.sandbox;

import java.util.Random;

/**
 * The sandbox's seeded random draws, shared by the faults and the processing times so
 * that which calls fail and how long queries run repeat from run to run.
 */
final class SandboxDraws {

	private final Random random;

	SandboxDraws(long seed) {
		this.random = new Random(seed);
	}

	/** The next draw in [0, 1). */
	synchronized double next() {
		return this.random.nextDouble();
	}

}
