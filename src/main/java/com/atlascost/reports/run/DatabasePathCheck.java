package com.atlascost.reports.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Checks an H2 file database's location before the first connection (Flyway's): a
 * directory that is a file, a dangling link or not writable fails the start with
 * {@link InvalidDatabasePathException}, which the command line reports as invalid input
 * (exit {@code 2}, naming {@code spring.datasource.url} and the value), instead of H2's
 * stack traces and exit {@code 1}. PostgreSQL and in-memory databases are not files.
 */
@Component
class DatabasePathCheck implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
			check(dataSource.getJdbcUrl());
		}
		return bean;
	}

	static void check(String url) {
		Path file = h2File(url);
		if (file == null) {
			return;
		}
		Path directory = file.toAbsolutePath().getParent();
		Optional<String> problem = (directory != null) ? WritableLocation.problem(directory) : Optional.empty();
		if (problem.isPresent()) {
			throw new InvalidDatabasePathException(
					"spring.datasource.url=" + url + ": the database's directory " + directory + " " + problem.get());
		}
		Path database = file.resolveSibling(file.getFileName() + ".mv.db");
		if (Files.exists(database) && !Files.isWritable(database)) {
			throw new InvalidDatabasePathException(
					"spring.datasource.url=" + url + ": this user cannot write the database file " + database);
		}
	}

	/** The path of an H2 file database's URL ({@code jdbc:h2:file:./data/x;...}). */
	static @Nullable Path h2File(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("jdbc:h2:")) {
			return null;
		}
		String rest = url.substring("jdbc:h2:".length());
		int options = rest.indexOf(';');
		String name = (options >= 0) ? rest.substring(0, options) : rest;
		String lowerName = name.toLowerCase(Locale.ROOT);
		if (lowerName.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (lowerName.startsWith("mem:") || lowerName.startsWith("tcp:") || lowerName.startsWith("ssl:")
				|| lowerName.startsWith("zip:") || lowerName.contains("://")) {
			return null;
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return name.isEmpty() ? null : Path.of(name);
	}

}
