package com.atlascost.reports.atlas.auth;

/**
 * Who the client authenticates as. The {@code toString()} of every variant leaves the
 * secret out, so credentials logged or put in a message by accident leak nothing.
 */
public sealed interface AtlasCredentials {

	/** A service account: OAuth 2.0 client credentials, sent as a Bearer token. */
	record ServiceAccount(String clientId, String clientSecret) implements AtlasCredentials {

		@Override
		public String toString() {
			return "ServiceAccount[clientId=" + this.clientId + ", clientSecret=******]";
		}

	}

	/** A programmatic API key pair, used with HTTP Digest. */
	record ApiKey(String publicKey, String privateKey) implements AtlasCredentials {

		@Override
		public String toString() {
			return "ApiKey[publicKey=" + this.publicKey + ", privateKey=******]";
		}

	}

}
