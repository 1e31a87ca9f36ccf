package com.atlascost.reports.atlas.auth;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.atlas.auth.AtlasCredentials.ApiKey;
import com.atlascost.reports.atlas.auth.AtlasCredentials.ServiceAccount;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtlasCredentialsResolverTests {

	@Test
	void readsAServiceAccount() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_CLIENT_ID", "mdb_sa_id_1")
			.withProperty("MONGODB_ATLAS_CLIENT_SECRET", "s3cret");

		assertThat(new AtlasCredentialsResolver(environment).resolve())
			.contains(new ServiceAccount("mdb_sa_id_1", "s3cret"));
	}

	@Test
	void readsAnApiKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_PUBLIC_API_KEY", "abcdefgh")
			.withProperty("MONGODB_ATLAS_PRIVATE_API_KEY", "private-1");

		assertThat(new AtlasCredentialsResolver(environment).resolve()).contains(new ApiKey("abcdefgh", "private-1"));
	}

	@Test
	void prefersTheServiceAccountWhenBothAreSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_CLIENT_ID", "id")
			.withProperty("MONGODB_ATLAS_CLIENT_SECRET", "secret")
			.withProperty("MONGODB_ATLAS_PUBLIC_API_KEY", "public")
			.withProperty("MONGODB_ATLAS_PRIVATE_API_KEY", "private");

		assertThat(new AtlasCredentialsResolver(environment).resolve()).containsInstanceOf(ServiceAccount.class);
	}

	@Test
	void isEmptyWithoutCredentials() {
		assertThat(new AtlasCredentialsResolver(new MockEnvironment()).resolve()).isEmpty();
	}

	@Test
	void treatsBlankValuesAsAbsent() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_CLIENT_ID", " ")
			.withProperty("MONGODB_ATLAS_CLIENT_SECRET", "");

		assertThat(new AtlasCredentialsResolver(environment).resolve()).isEmpty();
	}

	@Test
	void aSecretWithoutItsIdNamesTheMissingIdButNotTheSecret() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_CLIENT_SECRET",
				"very-secret-value");

		assertThatExceptionOfType(IncompleteCredentialsException.class)
			.isThrownBy(() -> new AtlasCredentialsResolver(environment).resolve())
			.withMessageContaining("MONGODB_ATLAS_CLIENT_ID is not set")
			.withMessageNotContaining("very-secret-value")
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(2));
	}

	@Test
	void aPublicKeyWithoutItsPrivateKeyNamesTheMissingVariable() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_PUBLIC_API_KEY", "abcdefgh");

		assertThatExceptionOfType(IncompleteCredentialsException.class)
			.isThrownBy(() -> new AtlasCredentialsResolver(environment).resolve())
			.withMessageContaining("MONGODB_ATLAS_PRIVATE_API_KEY is not set");
	}

	@Test
	void anIdWithoutItsSecretFailsEvenWhenTheOtherPairIsComplete() {
		MockEnvironment environment = new MockEnvironment().withProperty("MONGODB_ATLAS_CLIENT_ID", "id")
			.withProperty("MONGODB_ATLAS_PUBLIC_API_KEY", "public")
			.withProperty("MONGODB_ATLAS_PRIVATE_API_KEY", "private-value");

		assertThatExceptionOfType(IncompleteCredentialsException.class)
			.isThrownBy(() -> new AtlasCredentialsResolver(environment).resolve())
			.withMessageContaining("MONGODB_ATLAS_CLIENT_SECRET")
			.withMessageNotContaining("private-value");
	}

}
