package com.atlascost.reports.testsupport;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The databases every database test runs on: the embedded default and the production
 * server. Each is created for one run of the test class and closed by JUnit after it.
 */
final class TestDatabases implements ArgumentsProvider {

	@Override
	public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
		return Stream.of(Arguments.of(new H2TestDatabase()), Arguments.of(new PostgresTestDatabase()));
	}

}
