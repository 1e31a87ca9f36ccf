package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code usageDetails}. The API leaves the body untyped: every field but the
 * amount and date may be absent, and unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDetail(@Nullable String invoiceId, @Nullable String organizationId,
		@Nullable String organizationName, @Nullable String groupId, @Nullable String groupName,
		@Nullable String clusterId, @Nullable String clusterName, @Nullable String service,
		@Nullable BigDecimal usageAmount, @Nullable LocalDate usageDate) {
}
