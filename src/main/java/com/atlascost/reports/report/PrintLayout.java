package com.atlascost.reports.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

/**
 * How every sheet prints: landscape A4, a page header naming the job, its months and when
 * the report was made, a footer "Page N of M", and the header rows (and, on sheets wider
 * than a page, the name columns) repeated on every page.
 *
 * @param job the job's name
 * @param months the month range as the report's language writes it
 * @param generatedAt when the report was made
 * @param messages the report's language
 */
record PrintLayout(String job, String months, Instant generatedAt, ReportMessages messages) {

	/**
	 * A grouping sheet up to this many months still reads when shrunk to one page wide
	 * (about 7 pt on A4 landscape); wider ones print across pages at full size.
	 */
	static final int MONTHS_FIT_TO_WIDTH = 13;

	/** The header and footer codes of the page number and the number of pages. */
	private static final String PAGE = "&P";

	private static final String PAGES = "&N";

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	static PrintLayout of(ReportContents contents, ReportMessages messages) {
		ReportRequest request = contents.request();
		return new PrintLayout(request.scope().jobName(),
				messages.get("runInfo.monthsValue", request.scope().from().toString(), request.scope().to().toString()),
				request.run().generatedAt(), messages);
	}

	/**
	 * On one landscape page, title and all: the summary is read on paper as a page.
	 * @param area the cells to print
	 */
	void onePage(Sheet sheet, CellRangeAddress area) {
		common(sheet, null, null);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 1);
		sheet.getWorkbook()
			.setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), area.getFirstColumn(), area.getLastColumn(),
					area.getFirstRow(), area.getLastRow());
	}

	/**
	 * One page wide and as long as it takes, the header rows on every page.
	 * @param headerRows how many rows at the top repeat (0 for none)
	 */
	void fitToWidth(Sheet sheet, int headerRows) {
		common(sheet, rows(headerRows), null);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	/**
	 * At full size across as many pages as the columns need, the header rows and the
	 * first columns (which say what a line is) repeated on every page.
	 */
	void acrossPages(Sheet sheet, int headerRows, int nameColumns) {
		common(sheet, rows(headerRows),
				CellRangeAddress.valueOf("A:" + CellReference.convertNumToColString(nameColumns - 1)));
		sheet.setFitToPage(false);
	}

	/** A grouping sheet: fit to width up to {@link #MONTHS_FIT_TO_WIDTH} months. */
	void groupingSheet(Sheet sheet, int months, int nameColumns) {
		if (months <= MONTHS_FIT_TO_WIDTH) {
			fitToWidth(sheet, 1);
		}
		else {
			acrossPages(sheet, 1, nameColumns);
		}
	}

	private void common(Sheet sheet, @Nullable CellRangeAddress repeatingRows,
			@Nullable CellRangeAddress repeatingColumns) {
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.getHeader().setLeft(escaped(this.messages.get("print.title", this.job)));
		sheet.getHeader().setCenter(escaped(this.months));
		sheet.getHeader()
			.setRight(escaped(this.messages.get("print.generated",
					GENERATED.format(this.generatedAt.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)))));
		sheet.getFooter().setLeft(escaped(sheet.getSheetName()));
		sheet.getFooter().setRight(this.messages.get("print.page", PAGE, PAGES));
		if (repeatingRows != null) {
			sheet.setRepeatingRows(repeatingRows);
		}
		if (repeatingColumns != null) {
			sheet.setRepeatingColumns(repeatingColumns);
		}
	}

	private static @Nullable CellRangeAddress rows(int headerRows) {
		return (headerRows > 0) ? CellRangeAddress.valueOf("1:" + headerRows) : null;
	}

	/** A header's {@code &} starts a code (page number, font): a name's is doubled. */
	private static String escaped(String text) {
		return text.replace("&", "&&");
	}

}
