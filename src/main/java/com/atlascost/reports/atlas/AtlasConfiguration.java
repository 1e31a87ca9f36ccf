package com.atlascost.reports.atlas;

import com.atlascost.reports.atlas.auth.AtlasCredentialsResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Atlas client beans. */
@Configuration(proxyBeanMethods = false)
public class AtlasConfiguration {

	@Bean
	public AtlasConnection atlasConnection(AtlasProperties properties, Environment environment) {
		return new AtlasConnection(properties.baseUrl(), new AtlasCredentialsResolver(environment).resolve());
	}

	@Bean
	public AtlasCostExplorerClient atlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties,
			AtlasMetrics metrics) {
		return new AtlasCostExplorerClient(connection, properties, metrics);
	}

	/**
	 * The application's registry when it has one (Spring Boot's metrics
	 * auto-configuration with an exporter), else one of our own that lives as long as the
	 * context.
	 */
	@Bean
	public AtlasMetrics atlasMetrics(ObjectProvider<MeterRegistry> registry) {
		return new AtlasMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
