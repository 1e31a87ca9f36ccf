package com.atlascost.reports.atlas.auth;

import java.util.Optional;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

import com.atlascost.reports.atlas.auth.AtlasCredentials.ApiKey;
import com.atlascost.reports.atlas.auth.AtlasCredentials.ServiceAccount;
import org.jspecify.annotations.Nullable;

/**
 * Reads credentials under the names Atlas's own tools use. A service account wins over an
 * API key when both are set, as it is the one Atlas recommends.
 */
public class AtlasCredentialsResolver {

	static final String CLIENT_ID = "MONGODB_ATLAS_CLIENT_ID";

	static final String CLIENT_SECRET = "MONGODB_ATLAS_CLIENT_SECRET";

	static final String PUBLIC_KEY = "MONGODB_ATLAS_PUBLIC_API_KEY";

	static final String PRIVATE_KEY = "MONGODB_ATLAS_PRIVATE_API_KEY";

	private final PropertyResolver environment;

	public AtlasCredentialsResolver(PropertyResolver environment) {
		this.environment = environment;
	}

	/**
	 * @return the credentials, or empty when neither pair is set
	 * @throws IncompleteCredentialsException when a pair is half set
	 */
	public Optional<AtlasCredentials> resolve() {
		Optional<AtlasCredentials> serviceAccount = pair(CLIENT_ID, CLIENT_SECRET)
			.map((values) -> new ServiceAccount(values[0], values[1]));
		Optional<AtlasCredentials> apiKey = pair(PUBLIC_KEY, PRIVATE_KEY)
			.map((values) -> new ApiKey(values[0], values[1]));
		return serviceAccount.or(() -> apiKey);
	}

	private Optional<String[]> pair(String idName, String secretName) {
		String id = value(idName);
		String secret = value(secretName);
		if (id == null && secret == null) {
			return Optional.empty();
		}
		if (id == null) {
			throw new IncompleteCredentialsException(idName, secretName);
		}
		if (secret == null) {
			throw new IncompleteCredentialsException(secretName, idName);
		}
		return Optional.of(new String[] { id, secret });
	}

	private @Nullable String value(String name) {
		String value = this.environment.getProperty(name);
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
