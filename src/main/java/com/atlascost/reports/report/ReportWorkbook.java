package com.atlascost.reports.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The streaming workbook, written without its template file. {@link SXSSFWorkbook#write}
 * saves the package (every part but the sheets' rows) to a temporary file, reads it back
 * as a zip and copies it out with the rows injected; this reads the same package from
 * memory instead, through the same kind of zip reader, so the entries, their order and
 * their bytes are the same. The package is small whatever the row count (the rows stay in
 * the sheets' own temporary files). POI's {@code writeAvoidingTempFiles} would do the
 * same but reads the package as a stream, and writes the entries in another order.
 */
final class ReportWorkbook extends SXSSFWorkbook {

	@Override
	public void write(OutputStream stream) throws IOException {
		flushSheets();
		byte[] template;
		try (UnsynchronizedByteArrayOutputStream bytes = UnsynchronizedByteArrayOutputStream.builder().get()) {
			getXSSFWorkbook().write(bytes);
			template = bytes.toByteArray();
		}
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(template)).get();
				ZipFileZipEntrySource source = new ZipFileZipEntrySource(zip)) {
			injectData(source, stream);
		}
	}

}
