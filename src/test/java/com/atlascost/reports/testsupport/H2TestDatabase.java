package com.atlascost.reports.testsupport;

import java.nio.file.Path;

/** An H2 file under the test's directory, as the application's default. */
final class H2TestDatabase implements TestDatabase {

	@Override
	public String vendor() {
		return "h2";
	}

	@Override
	public String url(Path dir) {
		// as the application's default URL: commit to disk at once, so a killed run loses
		// nothing
		return "jdbc:h2:file:" + dir.resolve("data").resolve("atlas-cost-reports") + ";WRITE_DELAY=0";
	}

	@Override
	public String username() {
		return "sa";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public void close() {
		// the file goes with the test's temporary directory
	}

	@Override
	public String toString() {
		return "H2";
	}

}
