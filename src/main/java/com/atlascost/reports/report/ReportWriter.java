package com.atlascost.reports.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * Writes a run's report: the Excel workbook and the FOCUS CSV (from the invoices), named
 * after the job and the month range, into the reports directory (property
 * {@code reports.dir}, default {@code reports}).
 *
 * <p>
 * Finance may pick a file up at any moment, so neither is ever seen half written: both
 * are written to hidden temporary files beside their targets and only moved into place
 * once both are complete. On any failure the temporary files are deleted and an earlier
 * report of the same range stays as it was.
 */
@Component
public class ReportWriter {

	private final Path reportsDirectory;

	private final WorkbookWriter workbookWriter;

	private final FocusCsvWriter focusCsvWriter;

	@Autowired
	public ReportWriter(ReportOutputProperties output, WorkbookProperties workbook) {
		this(output.dir(), new WorkbookWriter(ReportSettings.of(workbook)), new FocusCsvWriter());
	}

	ReportWriter(Path reportsDirectory, WorkbookWriter workbookWriter, FocusCsvWriter focusCsvWriter) {
		this.reportsDirectory = reportsDirectory;
		this.workbookWriter = workbookWriter;
		this.focusCsvWriter = focusCsvWriter;
	}

	/**
	 * Writes both files with the invoices' sheets and their FOCUS rows, replacing an
	 * earlier report of the same job and range. The usage rows are read once.
	 * @throws IllegalArgumentException if the request cannot make a report (no grouping,
	 * a reversed range, a job name unfit for a file name); nothing is written then
	 * @throws UncheckedIOException if writing fails; no new or partial file is left then
	 */
	public ReportFiles write(ReportRequest request, InvoiceReport invoices) {
		ReportFileNames names = ReportFileNames.of(request);
		ReportContents.check(request);
		Path workbook = this.reportsDirectory.resolve(names.workbook());
		Path focusCsv = this.reportsDirectory.resolve(names.focusCsv());
		Path workbookTemp = null;
		Path focusCsvTemp = null;
		try {
			Files.createDirectories(this.reportsDirectory);
			deleteLeftTemporaries(focusCsv);
			deleteLeftTemporaries(workbook);
			focusCsvTemp = temporaryFor(focusCsv);
			try (Writer out = new BufferedWriter(new OutputStreamWriter(
					Files.newOutputStream(focusCsvTemp, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
				this.focusCsvWriter.write(invoices, out);
			}
			workbookTemp = temporaryFor(workbook);
			ReportContents contents;
			try (OutputStream out = new BufferedOutputStream(
					Files.newOutputStream(workbookTemp, StandardOpenOption.WRITE))) {
				contents = this.workbookWriter.write(request, invoices, out);
			}
			moveIntoPlace(focusCsvTemp, focusCsv);
			moveIntoPlace(workbookTemp, workbook);
			return new ReportFiles(workbook, focusCsv, contents.rowCount());
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(focusCsvTemp, ex);
			deleteQuietly(workbookTemp, ex);
			if (ex instanceof IOException ioException) {
				throw new UncheckedIOException("writing report " + names.workbook() + " in " + this.reportsDirectory
						+ " failed: " + ex.getMessage(), ioException);
			}
			throw (RuntimeException) ex;
		}
	}

	/**
	 * Creates an empty hidden file beside the target; creating it, rather than only
	 * naming it, makes a concurrent writer's clash an error instead of a shared file. Not
	 * {@code Files.createTempFile}, whose owner-only permissions would be moved along.
	 */
	private static Path temporaryFor(Path target) throws IOException {
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
		return Files.createFile(temp);
	}

	/**
	 * Deletes what a writer killed mid-write (kill -9 runs no cleanup) left beside this
	 * target. Only one run of a job writes at a time (the job's run lock), so none of
	 * them is still being written.
	 */
	private static void deleteLeftTemporaries(Path target) throws IOException {
		String prefix = "." + target.getFileName() + ".tmp-";
		try (DirectoryStream<Path> left = Files.newDirectoryStream(target.toAbsolutePath().getParent(),
				(file) -> file.getFileName().toString().startsWith(prefix))) {
			for (Path file : left) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static void moveIntoPlace(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(@Nullable Path temp, Exception failure) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

}
