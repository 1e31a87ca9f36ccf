package com.atlascost.reports.sandbox;

import java.util.Locale;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.auth.AtlasCredentials;

/**
 * {@code --sandbox}: starts a local Atlas and points the client at it with its
 * credentials, so the whole real path runs over HTTP. Spring turns {@code --sandbox} into
 * the property {@code sandbox} with an empty value, which {@code @ConditionalOnProperty}
 * counts as set (only {@code false} switches it off).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("sandbox")
class SandboxConfiguration {

	private static final Log logger = LogFactory.getLog(SandboxConfiguration.class);

	@Bean(destroyMethod = "stop")
	AtlasSandbox atlasSandbox(SandboxSettings settings) {
		AtlasSandbox sandbox = AtlasSandbox.start(settings);
		logger.info("Atlas sandbox listening on " + sandbox.baseUrl() + " (auth: "
				+ settings.auth().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
		return sandbox;
	}

	@Bean
	@Primary
	AtlasConnection sandboxAtlasConnection(AtlasSandbox sandbox, SandboxSettings settings) {
		AtlasCredentials credentials = (settings.auth() == SandboxSettings.Auth.DIGEST) ? sandbox.apiKey()
				: sandbox.serviceAccount();
		return new AtlasConnection(sandbox.baseUrl(), Optional.of(credentials));
	}

}
