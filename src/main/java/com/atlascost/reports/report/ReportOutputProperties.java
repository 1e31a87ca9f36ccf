package com.atlascost.reports.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports go ({@code reports.*}).
 *
 * @param dir the directory the workbook and the FOCUS CSV are written to, created when
 * missing ({@code reports.dir}, default {@code reports} in the working directory)
 */
@ConfigurationProperties("reports")
public record ReportOutputProperties(@DefaultValue("reports") Path dir) {

}
