package com.atlascost.reports.atlas;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import java.util.Optional;

/**
 * Where the client connects and as whom. Credentials may be absent: the job checks that
 * before it calls anything, so that a missing secret is an input error, not a crash.
 */
public record AtlasConnection(String baseUrl, Optional<AtlasCredentials> credentials) {

	public AtlasConnection {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
