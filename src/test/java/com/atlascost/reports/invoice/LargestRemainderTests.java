package com.atlascost.reports.invoice;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LargestRemainderTests {

	@Test
	void partsAddUpToTheTotalRoundedOnce() {
		// rounded one by one they would be 60.03; the total is 60.02
		List<BigDecimal> exact = List.of(new BigDecimal("10.006"), new BigDecimal("20.006"), new BigDecimal("30.006"));
		assertThat(LargestRemainder.total(exact)).isEqualByComparingTo("60.02");
		assertThat(LargestRemainder.parts(exact)).containsExactly(new BigDecimal("10.01"), new BigDecimal("20.01"),
				new BigDecimal("30.00"));
	}

	@Test
	void equalRemaindersGoToTheFirstParts() {
		BigDecimal third = BigDecimal.ONE.divide(new BigDecimal(3), java.math.MathContext.DECIMAL64);
		assertThat(LargestRemainder.parts(List.of(third, third, third))).containsExactly(new BigDecimal("0.34"),
				new BigDecimal("0.33"), new BigDecimal("0.33"));
		assertThat(LargestRemainder.parts(List.of(new BigDecimal("0.005"), new BigDecimal("0.005"))))
			.containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"));
	}

	@Test
	void creditsRoundTowardsTheTotalToo() {
		List<BigDecimal> exact = List.of(new BigDecimal("100.004"), new BigDecimal("-20.004"), new BigDecimal("0.004"));
		// exact 80.004: 80.00; floors 100.00, -20.01, 0.00 take a cent from the largest
		// remainder
		assertThat(LargestRemainder.parts(exact)).containsExactly(new BigDecimal("100.00"), new BigDecimal("-20.00"),
				new BigDecimal("0.00"));
	}

	@Test
	void partsOfATotalRoundedElsewhere() {
		assertThat(LargestRemainder.parts(List.of(new BigDecimal("1100.00"), new BigDecimal("36.663")),
				new BigDecimal("1136.66")))
			.containsExactly(new BigDecimal("1100.00"), new BigDecimal("36.66"));
	}

}
