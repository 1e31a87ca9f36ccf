package com.atlascost.reports.report;

import java.time.YearMonth;
import java.util.List;

import javax.xml.namespace.QName;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBodyProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.STTextVerticalType;
import org.openxmlformats.schemas.drawingml.x2006.main.STTextWrappingType;

/**
 * The stacked monthly trend chart on the summary sheet.
 *
 * <p>
 * The streaming workbook has no charts of its own ({@code SXSSFDrawing} cannot create
 * one), so the chart goes on the {@link XSSFSheet} underneath the streaming sheet, which
 * is where POI keeps drawings anyway. The series carry their values as literal caches
 * besides the cell references: the streaming sheet has already flushed its rows, so POI
 * cannot read them back, while Excel and LibreOffice re-read the cells on opening.
 */
final class TrendChart {

	static final int HEIGHT_IN_ROWS = 20;

	private static final String CHART_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/chart";

	private static final int WIDTH_IN_COLUMNS = 8;

	/** -45 degrees, in DrawingML's 60,000ths of a degree. */
	private static final int LABEL_ROTATION = -2_700_000;

	/** Distinguishable colours, "Other" being the last series drawn in grey. */
	private static final byte[][] PALETTE = { rgb(0x1F4E79), rgb(0x2E86C1), rgb(0x48C9B0), rgb(0xF5B041), rgb(0xCB4335),
			rgb(0x8E44AD), rgb(0x7F8C8D) };

	private final XSSFSheet sheet;

	private final String sheetName;

	/**
	 * @param sheet the sheet the chart goes on: the one underneath the streaming sheet
	 */
	TrendChart(XSSFSheet sheet) {
		this.sheet = sheet;
		this.sheetName = sheet.getSheetName();
	}

	/**
	 * Draws the chart with its top left corner at the given cell.
	 * @return how many columns wide the chart is
	 */
	int plot(Data data, int topRow, int leftColumn) {
		XSSFDrawing drawing = this.sheet.createDrawingPatriarch();
		int width = Math.max(WIDTH_IN_COLUMNS, data.series().size() + 2);
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, leftColumn, topRow, leftColumn + width,
				topRow + HEIGHT_IN_ROWS);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(data.title());
		chart.setTitleOverlay(false);
		XDDFChartLegend legend = chart.getOrAddLegend();
		legend.setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis dollars = chart.createValueAxis(AxisPosition.LEFT);
		dollars.setCrosses(AxisCrosses.AUTO_ZERO);
		dollars.setCrossBetween(AxisCrossBetween.BETWEEN);
		dollars.setNumberFormat("\"$\"#,##0");

		String[] labels = data.months().stream().map(YearMonth::toString).toArray(String[]::new);
		int lastRow = data.firstRow() + data.months().size() - 1;
		XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(labels,
				range(data.firstRow(), lastRow, data.monthColumn()));
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, months, dollars);
		bars.setBarDirection(BarDirection.COL);
		bars.setBarGrouping(BarGrouping.STACKED);
		bars.setVaryColors(false);
		for (int s = 0; s < data.series().size(); s++) {
			int column = data.monthColumn() + 1 + s;
			Double[] values = new Double[data.months().size()];
			for (int m = 0; m < values.length; m++) {
				values[m] = data.values()[s][m];
			}
			XDDFNumericalDataSource<Double> amounts = XDDFDataSourcesFactory.fromArray(values,
					range(data.firstRow(), lastRow, column));
			XDDFChartData.Series series = bars.addSeries(categories, amounts);
			series.setTitle(data.series().get(s),
					new CellReference(this.sheetName, data.headerRow(), column, true, true));
			// Without an explicit fill LibreOffice draws the bars invisible.
			XDDFShapeProperties shape = new XDDFShapeProperties();
			shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color(s, data))));
			series.setShapeProperties(shape);
		}
		// Each series fills its caches. Not chart.plot(bars): that also copies the
		// numbers into a workbook of the chart's own, which XSSF never saves.
		for (int s = 0; s < bars.getSeriesCount(); s++) {
			bars.getSeries(s).plot();
		}
		overlapFully(chart.getCTChart().getPlotArea().getBarChartArray(0));
		slantMonthLabels(chart.getCTChart().getPlotArea().getCatAxArray(0));
		return width;
	}

	/**
	 * Month labels at 45 degrees on one line each: upright, 24 of them wrap into two
	 * lines ("2026-" over "11").
	 */
	private static void slantMonthLabels(CTCatAx axis) {
		CTTextBody text = axis.isSetTxPr() ? axis.getTxPr() : axis.addNewTxPr();
		CTTextBodyProperties body = (text.getBodyPr() != null) ? text.getBodyPr() : text.addNewBodyPr();
		body.setRot(LABEL_ROTATION);
		body.setVert(STTextVerticalType.HORZ);
		body.setWrap(STTextWrappingType.NONE);
		if (text.sizeOfPArray() == 0) {
			text.addNewLstStyle();
			text.addNewP().addNewPPr().addNewDefRPr();
		}
	}

	/**
	 * Stacked bars need {@code <c:overlap val="100"/>}, or Excel draws each series beside
	 * the last. POI's setter needs the full OOXML schemas for that one element, so it is
	 * written here, before the axis ids as the schema orders it.
	 */
	private static void overlapFully(CTBarChart barChart) {
		try (XmlCursor cursor = barChart.newCursor()) {
			if (cursor.toChild(new QName(CHART_NAMESPACE, "axId"))) {
				cursor.beginElement(new QName(CHART_NAMESPACE, "overlap", "c"));
				cursor.insertAttributeWithValue("val", "100");
			}
		}
	}

	private static byte[] color(int series, Data data) {
		boolean other = data.lastIsOther() && series == data.series().size() - 1;
		return other ? PALETTE[PALETTE.length - 1] : PALETTE[series % (PALETTE.length - 1)];
	}

	private static byte[] rgb(int color) {
		return new byte[] { (byte) (color >> 16), (byte) (color >> 8), (byte) color };
	}

	private String range(int firstRow, int lastRow, int column) {
		return new AreaReference(new CellReference(this.sheetName, firstRow, column, true, true),
				new CellReference(this.sheetName, lastRow, column, true, true), SpreadsheetVersion.EXCEL2007)
			.formatAsString();
	}

	/**
	 * What the chart plots, and where those numbers sit on the sheet.
	 *
	 * @param title the chart title
	 * @param headerRow the row of the series names
	 * @param firstRow the first month's row
	 * @param monthColumn the column of the months; the series follow it
	 * @param months the categories
	 * @param series the series names
	 * @param values the values by series, then month
	 * @param lastIsOther whether the last series is "Other" (drawn grey)
	 */
	record Data(String title, int headerRow, int firstRow, int monthColumn, List<YearMonth> months, List<String> series,
			double[][] values, boolean lastIsOther) {
	}

}
