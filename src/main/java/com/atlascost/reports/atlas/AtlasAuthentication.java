package com.atlascost.reports.atlas;

import java.util.Optional;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.atlascost.reports.atlas.AtlasCredentials.ApiKey;
import com.atlascost.reports.atlas.AtlasCredentials.ServiceAccount;

/** The request filter that authenticates as the given credentials. */
final class AtlasAuthentication {

	private AtlasAuthentication() {
	}

	static Authenticator filterFor(Optional<AtlasCredentials> credentials, String baseUrl,
			ClientHttpConnector connector) {
		if (credentials.isEmpty()) {
			// The job refuses to run without credentials; unauthenticated calls just get
			// 401.
			return new Authenticator((request, next) -> next.exchange(request), null);
		}
		// Java 17 has no pattern switch; the interface is sealed to these two.
		if (credentials.get() instanceof ServiceAccount account) {
			return ServiceAccountAuthentication.filter(account, baseUrl, connector);
		}
		return new Authenticator(new DigestAuthenticationFilter((ApiKey) credentials.get()), null);
	}

	/**
	 * The request filter, and for bearer tokens how to drop the current token so that the
	 * next call fetches a new one ({@code null} when a 401 cannot be cured that way).
	 */
	record Authenticator(ExchangeFilterFunction filter, @Nullable Mono<Void> forgetToken) {
	}

}
