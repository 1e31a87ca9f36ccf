package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming workbook, written without temporary files where it can: a sheet's rows
 * stay in memory until it grows large ({@link SpillingSheetDataWriter}), and the package
 * (every part but the rows, small whatever the row count) is saved in memory, not to the
 * temporary file {@link SXSSFWorkbook#write} uses. It is read back through the same kind
 * of zip reader, so the entries, their order and their bytes are the same; POI's
 * {@code writeAvoidingTempFiles} writes them in another order. {@link #dispose()}
 * discards the rows and deletes the files that spilled.
 */
final class ReportWorkbook extends SXSSFWorkbook {

	private static final Logger logger = LoggerFactory.getLogger(ReportWorkbook.class);

	private final List<SpillingSheetDataWriter> sheets = new ArrayList<>();

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		SpillingSheetDataWriter sheet = new SpillingSheetDataWriter();
		this.sheets.add(sheet);
		return sheet;
	}

	@Override
	public void write(OutputStream stream) throws IOException {
		flushSheets();
		byte[] template;
		try (UnsynchronizedByteArrayOutputStream bytes = UnsynchronizedByteArrayOutputStream.builder().get();
				ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
			zip.setLevel(Deflater.NO_COMPRESSION);
			// the package finishes the archive itself
			getXSSFWorkbook().write(zip);
			template = bytes.toByteArray();
		}
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(template)).get();
				ZipFileZipEntrySource source = new ZipFileZipEntrySource(zip)) {
			injectData(source, stream);
		}
	}

	/**
	 * Discards every sheet's rows and deletes the temporary files of those that spilled;
	 * not POI's, which expects a file for every sheet.
	 * @return false if a temporary file could not be deleted
	 */
	@Override
	public boolean dispose() {
		boolean deleted = true;
		for (SpillingSheetDataWriter sheet : this.sheets) {
			try {
				deleted = sheet.discard() && deleted;
			}
			catch (IOException ex) {
				logger.debug("Closing a sheet's temporary file failed", ex);
				deleted = false;
			}
		}
		return deleted;
	}

}
