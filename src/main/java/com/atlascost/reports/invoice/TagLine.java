package com.atlascost.reports.invoice;

import java.math.BigDecimal;

/**
 * The cost of one tag value in one organization's month, from the invoice's line items.
 *
 * @param orgMonth the organization and month
 * @param key the tag key
 * @param value the value, or {@link TagTotals#UNTAGGED}
 * @param amount US dollars, exact
 * @param provisional the month is still open
 */
public record TagLine(OrgMonth orgMonth, String key, String value, BigDecimal amount, boolean provisional) {
}
