package com.atlascost.reports.atlas;

import com.atlascost.reports.atlas.auth.AtlasCredentialsResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Atlas client beans: one API bean per tag, all on one client. */
@Configuration(proxyBeanMethods = false)
public class AtlasConfiguration {

	@Bean
	public AtlasConnection atlasConnection(AtlasProperties properties, Environment environment) {
		return new AtlasConnection(properties.baseUrl(), new AtlasCredentialsResolver(environment).resolve());
	}

	@Bean
	public AtlasClient atlasClient(AtlasConnection connection, AtlasProperties properties, AtlasMetrics metrics) {
		return AtlasClient.connect(connection, properties, metrics);
	}

	@Bean
	public CostExplorerApi costExplorerApi(AtlasClient atlasClient) {
		return atlasClient.costExplorer();
	}

	@Bean
	public InvoicesApi invoicesApi(AtlasClient atlasClient) {
		return atlasClient.invoices();
	}

	@Bean
	public OrganizationsApi organizationsApi(AtlasClient atlasClient) {
		return atlasClient.organizations();
	}

	@Bean
	public ClustersApi clustersApi(AtlasClient atlasClient) {
		return atlasClient.clusters();
	}

	/**
	 * The application's registry when it has one (Spring Boot's metrics
	 * auto-configuration with an exporter), else a registry of our own.
	 */
	@Bean
	public AtlasMetrics atlasMetrics(ObjectProvider<MeterRegistry> registry) {
		return new AtlasMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
