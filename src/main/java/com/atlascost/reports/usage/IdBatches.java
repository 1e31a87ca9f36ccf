package com.atlascost.reports.usage;

import java.util.ArrayList;
import java.util.List;

/** Keeps IN lists within what every database accepts. */
final class IdBatches {

	private static final int SIZE = 1000;

	private IdBatches() {
	}

	static List<List<Long>> of(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += SIZE) {
			batches.add(ids.subList(i, Math.min(ids.size(), i + SIZE)));
		}
		return batches;
	}

}
