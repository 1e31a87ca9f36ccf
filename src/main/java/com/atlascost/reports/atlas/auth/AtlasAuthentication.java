package com.atlascost.reports.atlas.auth;

import java.util.Optional;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.atlascost.reports.atlas.auth.AtlasCredentials.ApiKey;
import com.atlascost.reports.atlas.auth.AtlasCredentials.ServiceAccount;

/** The request filter that authenticates as the given credentials. */
public final class AtlasAuthentication {

	private AtlasAuthentication() {
	}

	/**
	 * @param tokenErrors turns the token endpoint's error answers into the client's own
	 * errors, so a refused secret (401) stays apart from an outage (503)
	 * @param mapper reads the token endpoint's answer
	 */
	public static Authenticator filterFor(Optional<AtlasCredentials> credentials, String baseUrl,
			ClientHttpConnector connector, ExchangeFilterFunction tokenErrors, JsonMapper mapper) {
		if (credentials.isEmpty()) {
			// The job refuses to run without credentials; unauthenticated calls just get
			// 401.
			return new Authenticator((request, next) -> next.exchange(request), null);
		}
		// Java 17 has no pattern switch; the interface is sealed to these two.
		if (credentials.get() instanceof ServiceAccount account) {
			return ServiceAccountAuthentication.filter(account, baseUrl, connector, tokenErrors, mapper);
		}
		return new Authenticator(new DigestAuthenticationFilter((ApiKey) credentials.get()), null);
	}

	/**
	 * The request filter, and for bearer tokens how to drop the current token so that the
	 * next call fetches a new one ({@code null} when a 401 cannot be cured that way).
	 */
	public record Authenticator(ExchangeFilterFunction filter, @Nullable Mono<Void> forgetToken) {
	}

}
