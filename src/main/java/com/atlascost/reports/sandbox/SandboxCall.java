package com.atlascost.reports.sandbox;

/**
 * An API call that passed the checks every call passes, as its endpoint sees it.
 *
 * @param orgId the organization the path names (empty for a cluster listing, which does
 * not use one)
 * @param body the request body, empty for none
 * @param version the API version the call asked for
 * @param fault the fault drawn for it ({@link SandboxFault#NONE} mostly)
 */
record SandboxCall(String orgId, String body, String version, SandboxFault fault) {
}
