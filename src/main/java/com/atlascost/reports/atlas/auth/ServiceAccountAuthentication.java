package com.atlascost.reports.atlas.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import com.atlascost.reports.atlas.auth.AtlasCredentials.ServiceAccount;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens for a service account through Spring Security's OAuth 2.0 client. The
 * authorized-client service keeps the token in memory and the client-credentials provider
 * fetches a new one only within a minute of its expiry, so one token serves the whole run
 * (Atlas issues them for an hour). Nothing here depends on a web request: this is an
 * application-scoped token.
 */
final class ServiceAccountAuthentication {

	static final String REGISTRATION_ID = "atlas";

	private ServiceAccountAuthentication() {
	}

	/**
	 * The principal Spring Security files an application-scoped token under when no web
	 * request is in play.
	 */
	private static final String ANONYMOUS_PRINCIPAL = "anonymousUser";

	static AtlasAuthentication.Authenticator filter(ServiceAccount account, String baseUrl,
			ClientHttpConnector connector, ExchangeFilterFunction tokenErrors, JsonMapper mapper) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(account.clientId())
			.clientSecret(account.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.tokenUri(baseUrl + "/api/oauth/token")
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		InMemoryReactiveOAuth2AuthorizedClientService tokens = new InMemoryReactiveOAuth2AuthorizedClientService(
				registrations);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager.setAuthorizedClientProvider(provider(connector, tokenErrors, mapper));
		ServerOAuth2AuthorizedClientExchangeFilterFunction filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				new SingleFlight(manager));
		filter.setDefaultClientRegistrationId(REGISTRATION_ID);
		// Atlas may refuse a token before its expiry (revoked, or Atlas restarted):
		// forgetting it makes the next call fetch a new one. Spring's own failure handler
		// would not see a 401 that came inside an envelope.
		return new AtlasAuthentication.Authenticator(filter,
				Mono.defer(() -> tokens.removeAuthorizedClient(REGISTRATION_ID, ANONYMOUS_PRINCIPAL)));
	}

	/**
	 * One token request at a time: Spring's manager lets every call that finds no valid
	 * token fetch its own, so the first hundred concurrent calls of a run would ask the
	 * token endpoint a hundred times. Calls arriving while a request is under way share
	 * its answer; all calls authorize the same registration as the same (anonymous)
	 * principal, so the answer fits them all.
	 */
	private static final class SingleFlight implements ReactiveOAuth2AuthorizedClientManager {

		private final ReactiveOAuth2AuthorizedClientManager delegate;

		private final AtomicReference<Mono<OAuth2AuthorizedClient>> inFlight = new AtomicReference<>();

		SingleFlight(ReactiveOAuth2AuthorizedClientManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
			return Mono.defer(() -> {
				// Cleared before the cache hands the outcome on, not after (doFinally): a
				// retry scheduled by the failure could otherwise find the failed request
				// still "in flight" and be handed its cached error without a new request.
				Mono<OAuth2AuthorizedClient> fresh = this.delegate.authorize(request)
					.doOnTerminate(() -> this.inFlight.set(null))
					.doOnCancel(() -> this.inFlight.set(null))
					.cache();
				Mono<OAuth2AuthorizedClient> running = this.inFlight.compareAndExchange(null, fresh);
				return (running != null) ? running : fresh;
			});
		}

	}

	private static ReactiveOAuth2AuthorizedClientProvider provider(ClientHttpConnector connector,
			ExchangeFilterFunction tokenErrors, JsonMapper mapper) {
		WebClientReactiveClientCredentialsTokenResponseClient tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
		tokenClient.setWebClient(WebClient.builder().clientConnector(connector).filter(tokenErrors).build());
		tokenClient.setBodyExtractor(new TokenAnswer(mapper));
		return ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((grant) -> grant.accessTokenResponseClient(tokenClient).clockSkew(Duration.ofMinutes(1)))
			.build();
	}

}
