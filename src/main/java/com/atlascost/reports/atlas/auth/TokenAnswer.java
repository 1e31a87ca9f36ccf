package com.atlascost.reports.atlas.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the token endpoint's answer without Spring's JSON decoder: the decoder logs what
 * it decoded at DEBUG and TRACE ({@code Decoded [{access_token=...}]}), which would put
 * the bearer token in the log of anyone running with {@code --debug}. Only
 * {@code access_token} and {@code expires_in} are kept; the answer is at most
 * {@link #MAX_BYTES}.
 */
final class TokenAnswer implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	static final int MAX_BYTES = 64 * 1024;

	private final JsonMapper mapper;

	TokenAnswer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage message, Context context) {
		return DataBufferUtils.join(message.getBody(), MAX_BYTES).map((buffer) -> {
			try {
				return read(buffer.toString(StandardCharsets.UTF_8));
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).switchIfEmpty(Mono.error(() -> invalid("the token answer has no body")));
	}

	private OAuth2AccessTokenResponse read(String body) {
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			// the body may hold the token: never put it in the message
			throw invalid("the token answer is not JSON");
		}
		JsonNode token = json.path("access_token");
		if (!token.isString() || token.stringValue().isBlank()) {
			throw invalid("the token answer has no access_token");
		}
		OAuth2AccessTokenResponse.Builder response = OAuth2AccessTokenResponse.withToken(token.stringValue())
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.additionalParameters(Map.of());
		JsonNode expiresIn = json.path("expires_in");
		if (expiresIn.canConvertToLong()) {
			response.expiresIn(expiresIn.longValue());
		}
		return response.build();
	}

	private static OAuth2AuthorizationException invalid(String description) {
		return new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response", description, null));
	}

}
