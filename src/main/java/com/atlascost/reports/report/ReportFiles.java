package com.atlascost.reports.report;

import java.nio.file.Path;

/** The files one report run wrote. */
public record ReportFiles(Path workbook, Path focusCsv) {
}
