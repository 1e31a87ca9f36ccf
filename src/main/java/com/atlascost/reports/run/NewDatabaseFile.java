package com.atlascost.reports.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The H2 file database this run created, if it did. Flyway creates and migrates the file
 * when the application starts, before the command line's validation can run; a run that
 * then exits on invalid input must leave nothing behind, so this notes, before the first
 * connection, whether the file and its directories existed, and {@link #discard()}
 * removes only what this run created. A database that existed before is never touched.
 */
@Component
public class NewDatabaseFile implements BeanPostProcessor {

	private static final List<String> H2_SUFFIXES = List.of(".mv.db", ".trace.db", ".lock.db");

	private @Nullable HikariDataSource dataSource;

	private @Nullable Path file;

	/** The directories above the file that did not exist, deepest first. */
	private final List<Path> newDirectories = new ArrayList<>();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && this.dataSource == null) {
			Path h2 = DatabasePathCheck.h2File(hikari.getJdbcUrl());
			if (h2 != null && !Files.exists(h2.resolveSibling(h2.getFileName() + ".mv.db"))) {
				this.dataSource = hikari;
				this.file = h2.toAbsolutePath();
				for (Path dir = this.file.getParent(); dir != null && !Files.exists(dir); dir = dir.getParent()) {
					this.newDirectories.add(dir);
				}
			}
		}
		return bean;
	}

	/**
	 * Closes the database and deletes its file and the directories made for it, when this
	 * run created them; does nothing otherwise.
	 */
	public void discard() {
		HikariDataSource created = this.dataSource;
		Path h2 = this.file;
		if (created == null || h2 == null) {
			return;
		}
		// the last connection closed closes the H2 database, so its file can go
		created.close();
		try {
			for (String suffix : H2_SUFFIXES) {
				Files.deleteIfExists(h2.resolveSibling(h2.getFileName() + suffix));
			}
			for (Path dir : this.newDirectories) {
				if (isEmptyDirectory(dir)) {
					Files.delete(dir);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove the database file " + h2 + " this run created", ex);
		}
		this.dataSource = null;
	}

	private static boolean isEmptyDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

}
