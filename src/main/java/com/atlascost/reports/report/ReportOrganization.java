package com.atlascost.reports.report;

/** An organization as the report labels it: the job file's label and the Atlas id. */
record ReportOrganization(String id, String label) {
}
