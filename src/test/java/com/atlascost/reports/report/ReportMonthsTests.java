package com.atlascost.reports.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static com.atlascost.reports.report.ReportRequestFixture.NOV;
import static com.atlascost.reports.report.ReportRequestFixture.OCT;
import static com.atlascost.reports.report.ReportRequestFixture.ORG_A;
import static com.atlascost.reports.report.ReportRequestFixture.SEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.atlascost.reports.plan.Grouping;
import com.atlascost.reports.plan.MonthWindow;
import com.atlascost.reports.usage.StoredUsage;

class ReportMonthsTests {

	@Test
	void everyMonthOfTheRangeIsShownEvenWithoutUsage() {
		ReportMonths months = ReportRequestFixture.contents(ReportRequestFixture.request("job", List.of())).months();
		assertThat(months.all()).containsExactly(SEP, OCT, NOV);
		assertThat(months.provisional()).containsExactly(NOV);
	}

	@Test
	void aRowOutsideTheRangeAddsItsMonthSoTotalsStillAddUp() {
		List<StoredUsage> rows = new ArrayList<>(ReportRequestFixture.realisticRows());
		rows.add(ReportRequestFixture.project(40, ORG_A, YearMonth.of(2026, 12), null, null, "1.00"));
		ReportMonths months = ReportRequestFixture.contents(ReportRequestFixture.request("job", rows)).months();
		assertThat(months.all()).containsExactly(SEP, OCT, NOV, YearMonth.of(2026, 12));
		// the fixture stores December rows as settled: only a stored flag or the request
		// marks a month
		assertThat(months.provisional()).containsExactly(NOV);
	}

	@Test
	void aRowStoredAsProvisionalMarksItsMonthEvenIfTheRequestDoesNot() {
		StoredUsage row = new StoredUsage(1, ORG_A, "Acme", Grouping.SERVICES, MonthWindow.of(OCT), OCT.atDay(1), null,
				null, null, null, null, "Clusters", BigDecimal.ONE, true, null);
		ReportMonths months = ReportRequestFixture.contents(ReportRequestFixture.request("job", List.of(row))).months();
		assertThat(months.provisional()).containsExactly(OCT, NOV);
		assertThat(months.isProvisional(ReportMonths.monthOf(row))).isTrue();
	}

	@Test
	void theMonthOfARowIsItsUsageDateElseItsWindow() {
		StoredUsage dated = ReportRequestFixture.project(1, ORG_A, SEP, null, null, "1.00");
		assertThat(ReportMonths.monthOf(dated)).isEqualTo(SEP);
		StoredUsage undated = new StoredUsage(1, ORG_A, "Acme", Grouping.SERVICES, MonthWindow.of(OCT), null, null,
				null, null, null, null, null, BigDecimal.ONE, false, null);
		assertThat(ReportMonths.monthOf(undated)).isEqualTo(OCT);
		StoredUsage midMonth = new StoredUsage(1, ORG_A, "Acme", Grouping.SERVICES, MonthWindow.of(OCT),
				LocalDate.of(2026, 10, 17), null, null, null, null, null, null, BigDecimal.ONE, false, null);
		assertThat(ReportMonths.monthOf(midMonth)).isEqualTo(OCT);
	}

	@Test
	void aReversedRangeIsRefused() {
		ReportRequest reversed = ReportRequestFixture.inMemory("job", NOV, SEP, List.of(Grouping.PROJECTS), List.of(),
				Map.of(), "2025-02-19", Instant.parse("2026-12-01T06:00:00Z"), new TreeSet<>(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> ReportRequestFixture.contents(reversed));
	}

}
