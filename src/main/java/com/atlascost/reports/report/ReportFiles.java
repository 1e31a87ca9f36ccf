package com.atlascost.reports.report;

import java.nio.file.Path;

/**
 * The files one report run wrote.
 *
 * @param workbook the Excel workbook
 * @param focusCsv the FOCUS CSV
 * @param usageRows how many usage rows they list
 */
public record ReportFiles(Path workbook, Path focusCsv, long usageRows) {
}
