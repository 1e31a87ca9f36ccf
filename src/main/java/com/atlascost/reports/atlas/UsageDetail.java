package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One row of {@code usageDetails}. The API leaves the body untyped: every field but the
 * amount and date may be absent, and unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDetail(String invoiceId, String organizationId, String organizationName, String groupId,
		String groupName, String clusterId, String clusterName, String service, BigDecimal usageAmount,
		LocalDate usageDate) {
}
