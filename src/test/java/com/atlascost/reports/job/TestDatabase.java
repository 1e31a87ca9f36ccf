package com.atlascost.reports.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL against the H2 file of a run directory, each call on a connection of its own,
 * so that the file is free again for the next child JVM.
 */
record TestDatabase(String url) {

	static TestDatabase of(Path dir) {
		return new TestDatabase(SandboxRun.jdbcUrl(dir));
	}

	/** Each row as its columns joined by '|'. */
	List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.append((i > 1) ? "|" : "").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	int count(String sql) throws SQLException {
		return Integer.parseInt(rows(sql).get(0));
	}

}
