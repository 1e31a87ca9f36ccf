package com.atlascost.reports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.atlascost.reports.usage.StoredUsage;

/**
 * Writes the FOCUS CSV: RFC 4180, a header row, one line per stored usage row, in the
 * columns of {@link #HEADER}. The caller supplies a UTF-8 writer.
 *
 * <p>
 * Formula injection: spreadsheet programs run a CSV field that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return as a formula, and names come
 * from the API, so every text field starting with one of those gets a leading {@code '}.
 * The field's meaning survives (Excel hides the quote); only {@code BilledCost} is left
 * alone, being a number whose minus sign is data.
 */
class FocusCsvWriter {

	static final List<String> HEADER = List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart",
			"ChargePeriodEnd", "BilledCost", "BillingCurrency", "ProviderName", "BillingAccountId",
			"BillingAccountName", "SubAccountId", "SubAccountName", "ResourceId", "ResourceName", "ServiceName",
			"ChargeCategory", "x_GroupBy", "x_Provisional");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

	void write(ReportContents contents, Writer out) throws IOException {
		CSVPrinter printer = new CSVPrinter(out, FORMAT);
		try {
			contents.rows().forEach((row) -> print(printer, row, contents));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		printer.flush();
	}

	private static void print(CSVPrinter printer, StoredUsage row, ReportContents contents) {
		YearMonth month = ReportMonths.monthOf(row);
		try {
			printer.printRecord(timestamp(row.window().start()), timestamp(row.window().end()),
					timestamp(month.atDay(1)), timestamp(month.plusMonths(1).atDay(1)),
					Cents.round(row.amount()).toPlainString(), "USD", "MongoDB Atlas", text(row.organizationId()),
					text((row.organizationName() != null) ? row.organizationName() : row.organizationLabel()),
					text(row.projectId()), text(row.projectName()), text(row.clusterId()), text(row.clusterName()),
					text(row.service()), (row.amount().signum() < 0) ? "Credit" : "Usage",
					text(row.groupBy().apiName()), Boolean.toString(contents.months().isProvisional(row)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String timestamp(LocalDate day) {
		return DateTimeFormatter.ISO_INSTANT.format(day.atStartOfDay(ZoneOffset.UTC));
	}

	static @Nullable String text(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

}
