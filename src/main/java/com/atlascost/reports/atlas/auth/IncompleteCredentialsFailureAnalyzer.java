package com.atlascost.reports.atlas.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A half-set credential pair reads as a configuration mistake, not a stack trace.
 */
class IncompleteCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<IncompleteCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IncompleteCredentialsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET (service account) or "
						+ "MONGODB_ATLAS_PUBLIC_API_KEY and MONGODB_ATLAS_PRIVATE_API_KEY (API key), "
						+ "each pair completely.",
				cause);
	}

}
