package com.atlascost.reports.testsupport;

import com.atlascost.reports.sandbox.SandboxData;

/** Job files that more than one functional test runs. */
public final class JobFixtures {

	/**
	 * Three sandbox organizations with invoices (one pays a linked one, two pay tax),
	 * grouped by projects and services, with the {@code team} and {@code env} tags.
	 */
	public static final String INVOICES = """
			name: invoices
			groupBy: [projects, services]
			tags: [team, env]
			organizations:
			  - id: %s
			    label: Acme Production
			    projects: all
			  - id: %s
			    label: Acme Analytics
			    projects: all
			  - id: %s
			    label: アクメ株式会社
			    projects: all
			""".formatted(SandboxData.ACME_PRODUCTION, SandboxData.ACME_ANALYTICS, SandboxData.ACME_JAPAN);

	private JobFixtures() {
	}

}
