package com.atlascost.reports.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.DigestUtils;

import com.atlascost.reports.atlas.auth.AtlasCredentials;

/**
 * The sandbox's credentials and what it accepts: Bearer tokens it issued to its service
 * account, and Digest answers by its API key to nonces it issued. Credentials are random
 * per sandbox, so a test cannot pass by accident with another sandbox's secrets.
 */
class SandboxAuthority {

	static final String REALM = "MMS Public API";

	private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

	private final SecureRandom random = new SecureRandom();

	private final AtlasCredentials.ServiceAccount serviceAccount;

	private final AtlasCredentials.ApiKey apiKey;

	private final SandboxSettings settings;

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

	SandboxAuthority(SandboxSettings settings) {
		this.settings = settings;
		this.serviceAccount = new AtlasCredentials.ServiceAccount("mdb_sa_id_" + hex(12), "mdb_sa_sk_" + hex(24));
		this.apiKey = new AtlasCredentials.ApiKey(hex(4).toLowerCase(Locale.ROOT), hex(16));
	}

	AtlasCredentials.ServiceAccount serviceAccount() {
		return this.serviceAccount;
	}

	AtlasCredentials.ApiKey apiKey() {
		return this.apiKey;
	}

	/** Every access token issued so far, for tests that check none leaks into logs. */
	Set<String> issuedTokens() {
		return Set.copyOf(this.tokens.keySet());
	}

	/** The access token for a correct HTTP Basic header, or empty. */
	Optional<String> issueToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		// Spring Security form-encodes id and secret before Basic (RFC 6749 2.3.1)
		String expected = encode(this.serviceAccount.clientId()) + ":" + encode(this.serviceAccount.clientSecret());
		String plain = this.serviceAccount.clientId() + ":" + this.serviceAccount.clientSecret();
		if (!constantTimeEquals(decoded, expected) && !constantTimeEquals(decoded, plain)) {
			return Optional.empty();
		}
		String token = hex(32);
		this.tokens.put(token, now().plus(this.settings.tokenLifetime()));
		return Optional.of(token);
	}

	/**
	 * Checks the Authorization header of an API call.
	 * @return empty when it is accepted, otherwise the 401 to answer
	 */
	Optional<SandboxAnswer> authenticate(String method, String uri, String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Instant expiry = this.tokens.get(authorization.substring(7).trim());
			return (expiry != null && now().isBefore(expiry)) ? Optional.empty()
					: Optional.of(unauthorized("Invalid or expired access token.", false));
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
			return checkDigest(method, uri, parameters(authorization.substring(7)));
		}
		return Optional.of(unauthorized("You are not authorized for this resource.", false));
	}

	private Optional<SandboxAnswer> checkDigest(String method, String uri, Map<String, String> digest) {
		if (!this.apiKey.publicKey().equals(digest.get("username")) || !uri.equals(digest.get("uri"))) {
			return Optional.of(unauthorized("You are not authorized for this resource.", false));
		}
		String nonce = digest.getOrDefault("nonce", "");
		String ha1 = md5(this.apiKey.publicKey() + ":" + REALM + ":" + this.apiKey.privateKey());
		String ha2 = md5(method + ":" + uri);
		String expected = md5(ha1 + ":" + nonce + ":" + digest.get("nc") + ":" + digest.get("cnonce") + ":"
				+ digest.get("qop") + ":" + ha2);
		if (!"auth".equals(digest.get("qop")) || !constantTimeEquals(expected, digest.getOrDefault("response", ""))) {
			return Optional.of(unauthorized("You are not authorized for this resource.", false));
		}
		Instant issued = this.nonces.get(nonce);
		if (issued == null || now().isAfter(issued.plus(this.settings.nonceLifetime()))) {
			return Optional.of(unauthorized("Stale nonce.", true));
		}
		return Optional.empty();
	}

	private SandboxAnswer unauthorized(String detail, boolean stale) {
		String nonce = hex(16);
		this.nonces.put(nonce, now());
		String challenge = "Digest realm=\"" + REALM + "\", domain=\"\", nonce=\"" + nonce
				+ "\", algorithm=MD5, qop=\"auth\", stale=" + stale;
		return SandboxAnswer.error(401, "UNAUTHORIZED", "Unauthorized", detail)
			.withHeader("WWW-Authenticate", challenge)
			.outsideApi();
	}

	private static Map<String, String> parameters(String header) {
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAMETER.matcher(header);
		while (matcher.find()) {
			parameters.put(matcher.group(1).toLowerCase(Locale.ROOT),
					(matcher.group(2) != null) ? matcher.group(2) : matcher.group(3));
		}
		return parameters;
	}

	private Instant now() {
		return this.settings.clock().instant();
	}

	private String hex(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String md5(String value) {
		return DigestUtils.md5DigestAsHex(value.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
