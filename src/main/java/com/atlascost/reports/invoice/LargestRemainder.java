package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounds parts shown with their total so that they add up to it: the total is rounded
 * once (to the cent, half up), each part is cut to the cent, and the cents still missing
 * go to the parts with the largest remainders (the first of equal ones). A part never
 * moves by a cent or more from its exact amount.
 */
public final class LargestRemainder {

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private LargestRemainder() {
	}

	/** The total rounded once: to the cent, half up. */
	public static BigDecimal total(List<BigDecimal> exact) {
		return exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
	}

	/** The parts in cents, in their order, adding up to {@link #total(List)}. */
	public static List<BigDecimal> parts(List<BigDecimal> exact) {
		return parts(exact, total(exact));
	}

	/**
	 * The parts in cents, in their order, adding up to a total rounded elsewhere (the
	 * headline they break down).
	 */
	public static List<BigDecimal> parts(List<BigDecimal> exact, BigDecimal roundedTotal) {
		List<BigDecimal> parts = new ArrayList<>();
		List<Integer> order = new ArrayList<>();
		BigDecimal cut = BigDecimal.ZERO;
		for (int i = 0; i < exact.size(); i++) {
			BigDecimal floor = exact.get(i).setScale(2, RoundingMode.FLOOR);
			parts.add(floor);
			cut = cut.add(floor);
			order.add(i);
		}
		if (parts.isEmpty()) {
			return parts;
		}
		Comparator<Integer> byRemainder = Comparator.comparing((Integer i) -> exact.get(i).subtract(parts.get(i)));
		order.sort(byRemainder.reversed().thenComparing(Comparator.naturalOrder()));
		long missing = roundedTotal.subtract(cut).movePointRight(2).longValueExact();
		for (long k = 0; k < Math.abs(missing); k++) {
			int n = order.size();
			// a negative count takes cents back from the smallest remainders first
			int i = (missing > 0) ? order.get((int) (k % n)) : order.get(n - 1 - (int) (k % n));
			parts.set(i, parts.get(i).add((missing > 0) ? CENT : CENT.negate()));
		}
		return parts;
	}

}
