package com.atlascost.reports.atlas.auth;

import java.util.Optional;

import com.atlascost.reports.atlas.AtlasConnection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AtlasCredentialsTests {

	@Test
	void serviceAccountHidesItsSecret() {
		AtlasCredentials credentials = new AtlasCredentials.ServiceAccount("mdb_sa_id_1", "mdb_sa_sk_topsecret");

		assertThat(credentials.toString()).contains("mdb_sa_id_1").doesNotContain("topsecret");
	}

	@Test
	void apiKeyHidesItsPrivateKey() {
		AtlasCredentials credentials = new AtlasCredentials.ApiKey("abcdefgh", "0f2c-private-key");

		assertThat(credentials.toString()).contains("abcdefgh").doesNotContain("0f2c-private-key");
	}

	@Test
	void connectionHidesTheSecretOfItsCredentials() {
		AtlasConnection connection = new AtlasConnection("https://cloud.mongodb.com/",
				Optional.of(new AtlasCredentials.ApiKey("abcdefgh", "0f2c-private-key")));

		assertThat(connection.toString()).doesNotContain("0f2c-private-key");
		assertThat(connection.baseUrl()).isEqualTo("https://cloud.mongodb.com");
	}

}
