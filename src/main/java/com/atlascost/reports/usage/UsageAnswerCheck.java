package com.atlascost.reports.usage;

import java.util.List;

import com.atlascost.reports.atlas.AtlasApiCall;
import com.atlascost.reports.atlas.AtlasApiException;
import com.atlascost.reports.atlas.UsageDetail;

/**
 * Holds a finished query's rows against what the query asked for before any is stored.
 * Rules (see docs/atlas-api.md, "What the job accepts from Atlas"):
 * <ul>
 * <li>a row of an organization the query did not ask for fails the query, naming that
 * organization: its money must never land in another organization's total;</li>
 * <li>a row dated outside the query's month fails the query: it would add a month nobody
 * asked for and move money between months;</li>
 * <li>a row without an organization is the query's (Atlas leaves it out for single
 * organization queries);</li>
 * <li>duplicate rows are kept and summed, as Atlas sums its own line items;</li>
 * <li>amounts keep every decimal Atlas sends (see {@link QueryStore}), up to 18; an
 * amount the column cannot hold whole fails the query.</li>
 * </ul>
 * A failure is {@link AtlasApiException#UNEXPECTED_ANSWER}: the query is FAILED and asked
 * again on the next run.
 */
final class UsageAnswerCheck {

	private UsageAnswerCheck() {
	}

	static void check(StoredQuery query, List<UsageDetail> rows) {
		List<String> asked = query.filter().organizations();
		for (int i = 0; i < rows.size(); i++) {
			UsageDetail row = rows.get(i);
			String at = "usageDetails[" + i + "]";
			if (row.organizationId() != null && !asked.contains(row.organizationId())) {
				throw unexpected(query,
						at + ".organizationId: " + row.organizationId()
								+ " is an organization the query did not ask for (" + String.join(", ", asked)
								+ "); its rows are not stored");
			}
			if (row.usageAmount() != null && !StoredAmount.fits(row.usageAmount())) {
				throw unexpected(query,
						at + ".usageAmount: " + row.usageAmount() + " has more than " + StoredAmount.INTEGER_DIGITS
								+ " digits before the point or " + StoredAmount.SCALE + " after it");
			}
			if (row.usageDate() != null && (row.usageDate().isBefore(query.window().start())
					|| !row.usageDate().isBefore(query.window().end()))) {
				throw unexpected(query, at + ".usageDate: " + row.usageDate() + " is outside the query's window "
						+ query.window().start() + " to " + query.window().end().minusDays(1));
			}
		}
	}

	private static AtlasApiException unexpected(StoredQuery query, String detail) {
		return new AtlasApiException(200, AtlasApiException.UNEXPECTED_ANSWER, detail, query.organizationId(),
				AtlasApiCall.POLL_USAGE, null);
	}

}
