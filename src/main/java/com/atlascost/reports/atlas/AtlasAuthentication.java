package com.atlascost.reports.atlas;

import java.util.Optional;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import com.atlascost.reports.atlas.AtlasCredentials.ApiKey;
import com.atlascost.reports.atlas.AtlasCredentials.ServiceAccount;

/** The request filter that authenticates as the given credentials. */
final class AtlasAuthentication {

	private AtlasAuthentication() {
	}

	static ExchangeFilterFunction filterFor(Optional<AtlasCredentials> credentials, String baseUrl,
			ClientHttpConnector connector) {
		if (credentials.isEmpty()) {
			// The job refuses to run without credentials; unauthenticated calls just get
			// 401.
			return (request, next) -> next.exchange(request);
		}
		// Java 17 has no pattern switch; the interface is sealed to these two.
		if (credentials.get() instanceof ServiceAccount account) {
			return ServiceAccountAuthentication.filter(account, baseUrl, connector);
		}
		return new DigestAuthenticationFilter((ApiKey) credentials.get());
	}

}
