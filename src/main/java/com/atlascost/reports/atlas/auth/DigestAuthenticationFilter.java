package com.atlascost.reports.atlas.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.DigestUtils;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import com.atlascost.reports.atlas.auth.AtlasCredentials.ApiKey;
import reactor.core.publisher.Mono;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Digest (RFC 7616, MD5, {@code qop=auth}) for Atlas API keys. Hand-written because
 * WebClient has no Digest support (Spring Security offers none for clients either).
 * <p>
 * The first request goes out bare and is answered by a challenge; its nonce is then kept
 * and reused with an incrementing nonce count, so later requests need one round trip.
 * When the server rejects a kept nonce (typically {@code stale=true}), the request is
 * resent once with the fresh challenge. A 401 to a request that already answered a fresh
 * challenge is final: the key is wrong.
 */
class DigestAuthenticationFilter implements ExchangeFilterFunction {

	private final ApiKey apiKey;

	private final AtomicReference<Nonce> nonce = new AtomicReference<>();

	private final SecureRandom random = new SecureRandom();

	DigestAuthenticationFilter(ApiKey apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			Nonce current = this.nonce.get();
			ClientRequest first = (current != null) ? authorize(request, current) : request;
			return next.exchange(first).flatMap((response) -> {
				DigestChallenge challenge = challengeOf(response);
				if (challenge == null) {
					return Mono.just(response);
				}
				Nonce fresh = new Nonce(challenge);
				this.nonce.set(fresh);
				return response.releaseBody().then(next.exchange(authorize(request, fresh)));
			});
		});
	}

	private static @Nullable DigestChallenge challengeOf(ClientResponse response) {
		if (response.statusCode() != HttpStatus.UNAUTHORIZED) {
			return null;
		}
		return response.headers()
			.header(HttpHeaders.WWW_AUTHENTICATE)
			.stream()
			.map(DigestChallenge::parse)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
	}

	private ClientRequest authorize(ClientRequest request, Nonce nonce) {
		String uri = request.url().getRawPath()
				+ ((request.url().getRawQuery() != null) ? "?" + request.url().getRawQuery() : "");
		String nc = String.format("%08x", nonce.count.incrementAndGet());
		byte[] cnonceBytes = new byte[8];
		this.random.nextBytes(cnonceBytes);
		String cnonce = HexFormat.of().formatHex(cnonceBytes);
		DigestChallenge challenge = nonce.challenge;
		String ha1 = md5(this.apiKey.publicKey() + ":" + challenge.realm() + ":" + this.apiKey.privateKey());
		String ha2 = md5(request.method().name() + ":" + uri);
		String response = md5(ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
		StringBuilder header = new StringBuilder("Digest username=\"").append(this.apiKey.publicKey())
			.append("\", realm=\"")
			.append(challenge.realm())
			.append("\", nonce=\"")
			.append(challenge.nonce())
			.append("\", uri=\"")
			.append(uri)
			.append("\", algorithm=MD5, qop=auth, nc=")
			.append(nc)
			.append(", cnonce=\"")
			.append(cnonce)
			.append("\", response=\"")
			.append(response)
			.append('"');
		if (challenge.opaque() != null) {
			header.append(", opaque=\"").append(challenge.opaque()).append('"');
		}
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, header.toString()))
			.build();
	}

	private static String md5(String value) {
		return DigestUtils.md5DigestAsHex(value.getBytes(StandardCharsets.UTF_8));
	}

	/** A server nonce and how often it was used. */
	private record Nonce(DigestChallenge challenge, AtomicInteger count) {

		Nonce(DigestChallenge challenge) {
			this(challenge, new AtomicInteger());
		}

	}

}
