package com.atlascost.reports.report;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.jspecify.annotations.Nullable;

/**
 * Where the streaming workbook puts a sheet's rows until it writes the package: in memory
 * while the sheet is small, in a gzipped temporary file (POI's temporary directory, as
 * its own writers use) from the moment it passes {@link #SPILL_AT} characters. The rows'
 * XML is the same either way, so is the workbook. POI's own writers make a file for every
 * sheet, though all but the Detail sheets stay a few kilobytes; memory stays flat all the
 * same, as a sheet holds at most {@link #SPILL_AT} characters before it spills.
 */
final class SpillingSheetDataWriter extends SheetDataWriter {

	/**
	 * A few megabytes of heap per sheet at most: one or two bytes a character, the
	 * builder's spare capacity, and the UTF-8 copy made once when the rows are read.
	 */
	static final int SPILL_AT = 1 << 20;

	private final SpillingWriter rows;

	SpillingSheetDataWriter() throws IOException {
		this(new SpillingWriter(SPILL_AT));
	}

	private SpillingSheetDataWriter(SpillingWriter rows) throws IOException {
		super(rows);
		this.rows = rows;
	}

	/** The rows' XML; the sheet is closed first (POI does that before it asks). */
	@Override
	public InputStream getWorksheetXMLInputStream() throws IOException {
		return this.rows.read();
	}

	/**
	 * Closes the sheet and deletes its temporary file, if it has one.
	 * @return false if the file could not be deleted
	 */
	boolean discard() throws IOException {
		this.rows.close();
		File file = this.rows.file;
		return file == null || file.delete() || !file.exists();
	}

	/**
	 * A writer that keeps what it is given in memory, then moves it to a gzipped file
	 * once it passes its limit and writes there from then on.
	 */
	private static final class SpillingWriter extends Writer {

		private final int spillAt;

		private @Nullable StringBuilder memory = new StringBuilder();

		private @Nullable File file;

		private @Nullable Writer fileWriter;

		private boolean closed;

		SpillingWriter(int spillAt) {
			this.spillAt = spillAt;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			if (this.fileWriter != null) {
				this.fileWriter.write(chars, offset, length);
				return;
			}
			memory().append(chars, offset, length);
			spillIfFull();
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			if (this.fileWriter != null) {
				this.fileWriter.write(text, offset, length);
				return;
			}
			memory().append(text, offset, offset + length);
			spillIfFull();
		}

		@Override
		public void write(int character) throws IOException {
			if (this.fileWriter != null) {
				this.fileWriter.write(character);
				return;
			}
			memory().append((char) character);
			spillIfFull();
		}

		private void spillIfFull() throws IOException {
			StringBuilder held = memory();
			if (held.length() < this.spillAt) {
				return;
			}
			File spill = TempFile.createTempFile("poi-sxssf-sheet-xml", ".gz");
			this.file = spill;
			FileOutputStream bytes = new FileOutputStream(spill);
			Writer out;
			try {
				out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8));
			}
			catch (IOException | RuntimeException ex) {
				bytes.close();
				throw ex;
			}
			this.fileWriter = out;
			this.memory = null;
			out.append(held);
		}

		private StringBuilder memory() throws IOException {
			if (this.closed || this.memory == null) {
				throw new IOException("the sheet's rows are closed");
			}
			return this.memory;
		}

		@Override
		public void flush() throws IOException {
			if (this.fileWriter != null) {
				this.fileWriter.flush();
			}
		}

		@Override
		public void close() throws IOException {
			this.closed = true;
			if (this.fileWriter != null) {
				this.fileWriter.close();
			}
		}

		InputStream read() throws IOException {
			close();
			if (this.file != null) {
				return new GZIPInputStream(new BufferedInputStream(new FileInputStream(this.file)));
			}
			StringBuilder held = this.memory;
			return new ByteArrayInputStream(
					(held != null) ? held.toString().getBytes(StandardCharsets.UTF_8) : new byte[0]);
		}

	}

}
