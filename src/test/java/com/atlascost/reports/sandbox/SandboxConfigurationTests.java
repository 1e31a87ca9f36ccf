package com.atlascost.reports.sandbox;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;

import org.junit.jupiter.api.Test;

import com.atlascost.reports.atlas.AtlasConfiguration;
import com.atlascost.reports.atlas.AtlasConnection;
import com.atlascost.reports.atlas.OrganizationsApi;
import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.atlas.AtlasProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SandboxConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(Beans.class);

	@Test
	void commandLineFlagWithoutValueStartsTheSandbox() {
		// what Spring makes of a bare --sandbox
		this.contextRunner.withPropertyValues("sandbox=").run((context) -> {
			AtlasSandbox sandbox = context.getBean(AtlasSandbox.class);
			AtlasConnection connection = context.getBean(AtlasConnection.class);
			assertThat(connection.baseUrl()).isEqualTo(sandbox.baseUrl());
			assertThat(connection.credentials()).containsInstanceOf(AtlasCredentials.ServiceAccount.class);
			assertThat(context.getBean(OrganizationsApi.class)
				.listProjects(SandboxData.ACME_ANALYTICS)
				.collectList()
				.block()).hasSize(2);
		});
	}

	@Test
	void digestAuthUsesTheApiKey() {
		this.contextRunner.withPropertyValues("sandbox=", "sandbox.auth=digest", "sandbox.processing-delay=10ms")
			.run((context) -> {
				assertThat(context.getBean(AtlasConnection.class).credentials())
					.containsInstanceOf(AtlasCredentials.ApiKey.class);
				assertThat(context.getBean(AtlasSandbox.class).settings().processingDelay()).hasMillis(10);
				assertThat(context.getBean(OrganizationsApi.class)
					.listProjects(SandboxData.ACME_SANDBOX)
					.collectList()
					.block()).hasSize(2);
			});
	}

	@Test
	void isOffWithoutTheFlagOrWhenFalse() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(AtlasSandbox.class);
			assertThat(context.getBean(AtlasConnection.class).baseUrl()).isEqualTo("https://cloud.mongodb.com");
		});
		this.contextRunner.withPropertyValues("sandbox=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AtlasSandbox.class));
	}

	@Test
	void stopsTheSandboxWithTheContext() {
		this.contextRunner.withPropertyValues("sandbox=").run((context) -> {
			URI baseUrl = URI.create(context.getBean(AtlasSandbox.class).baseUrl());
			context.close();
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> new Socket(baseUrl.getHost(), baseUrl.getPort()).close());
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AtlasProperties.class, SandboxSettings.class })
	@Import({ AtlasConfiguration.class, SandboxConfiguration.class })
	static class Beans {

	}

}
