package com.atlascost.reports.atlas;

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
	public AtlasCostExplorerClient atlasCostExplorerClient(AtlasConnection connection, AtlasProperties properties) {
		return new AtlasCostExplorerClient(connection, properties);
	}

}
