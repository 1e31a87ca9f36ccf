package com.atlascost.reports.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import com.atlascost.reports.atlas.auth.AtlasCredentials;
import com.atlascost.reports.testsupport.OnEachDatabase;
import com.atlascost.reports.testsupport.SandboxRun;
import com.atlascost.reports.testsupport.TestDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the job in both auth modes, with debug logging on the HTTP client and security
 * layers, and checks that no secret reaches the log, the job repository, the usage tables
 * or the reports.
 */
@OnEachDatabase
@ExtendWith(OutputCaptureExtension.class)
class SecretsFunctionalTests {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	private static final String[] DEBUG = { "--logging.level.org.springframework.web.reactive=DEBUG",
			"--logging.level.org.springframework.security=DEBUG", "--logging.level.reactor.netty=DEBUG",
			"--logging.level.com.atlascost=DEBUG", "--logging.level.org.springframework.batch=DEBUG" };

	@Parameter
	TestDatabase database;

	@TempDir
	Path dir;

	@Test
	void serviceAccountSecretAndAccessTokensStayOutOfLogsDatabaseAndReports(CapturedOutput output) throws Exception {
		SandboxRun run = SandboxRun.of(this.database, this.dir,
				args("--job=jobs/sandbox.yml", "--sandbox", "--from=" + NOW));
		assertThat(run.exitCode()).isZero();
		AtlasCredentials.ServiceAccount account = run.sandbox().serviceAccount();
		List<String> secrets = new ArrayList<>(run.sandbox().issuedAccessTokens());
		assertThat(secrets).as("the run authenticated with OAuth").isNotEmpty();
		secrets.add(account.clientSecret());
		secrets.add(basic(account.clientId(), account.clientSecret()));
		assertNowhere(secrets, output);
	}

	@Test
	void apiKeyStaysOutOfLogsDatabaseAndReportsOverDigestWithRaw102(CapturedOutput output) throws Exception {
		SandboxRun run = SandboxRun.of(this.database, this.dir, args("--job=jobs/sandbox.yml", "--sandbox",
				"--from=" + NOW, "--sandbox.auth=digest", "--atlas.envelope=false", "--sandbox.processing-delay=2s"));
		assertThat(run.exitCode()).isZero();
		assertThat(run.counters().tokenRequests()).isZero();
		assertThat(run.counters().responses(102)).as("raw 102 answers were seen and got past").isPositive();
		assertThat(run.counters().responses(401)).as("digest challenges were answered").isPositive();
		AtlasCredentials.ApiKey key = run.sandbox().apiKey();
		assertNowhere(List.of(key.privateKey()), output);
	}

	/**
	 * Everything at TRACE, as {@code --debug --logging.level.root=TRACE} asks: Spring's
	 * JSON decoder once logged the whole token answer ({@code Decoded
	 * [{access_token=...}]}).
	 */
	@Test
	void atTraceNoAccessTokenClientSecretOrPrivateKeyReachesTheOutput(CapturedOutput output) throws Exception {
		SandboxRun oauth = SandboxRun.of(this.database, this.dir.resolve("oauth"), "--job=jobs/sandbox.yml",
				"--sandbox", "--from=" + NOW, "--debug", "--logging.level.root=TRACE");
		assertThat(oauth.exitCode()).isZero();
		SandboxRun digest = SandboxRun.of(this.database, this.dir.resolve("digest"), "--job=jobs/sandbox.yml",
				"--sandbox", "--from=" + NOW, "--sandbox.auth=digest", "--debug", "--logging.level.root=TRACE");
		assertThat(digest.exitCode()).isZero();
		assertThat(output.getAll()).as("trace output was captured").contains("TRACE");
		AtlasCredentials.ServiceAccount account = oauth.sandbox().serviceAccount();
		List<String> secrets = new ArrayList<>(oauth.sandbox().issuedAccessTokens());
		assertThat(secrets).as("the run authenticated with OAuth").isNotEmpty();
		secrets.add(account.clientSecret());
		secrets.add(basic(account.clientId(), account.clientSecret()));
		secrets.add(digest.sandbox().apiKey().privateKey());
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
		assertThat(output.getAll()).doesNotContain("access_token=");
	}

	private String[] args(String... args) {
		return Stream.concat(Stream.of(args), Stream.of(DEBUG)).toArray(String[]::new);
	}

	private void assertNowhere(List<String> secrets, CapturedOutput output) throws Exception {
		assertThat(output.getAll()).as("debug output was captured").contains("DEBUG");
		String database = databaseText();
		List<String> reports = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.dir.resolve("reports"))) {
			for (Path file : files.toList()) {
				reports.add(file.getFileName().toString());
				if (file.toString().endsWith(".csv")) {
					reports.add(Files.readString(file));
				}
			}
		}
		assertThat(reports).isNotEmpty();
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(database).doesNotContain(secret);
			assertThat(reports).noneMatch((text) -> text.contains(secret));
		}
	}

	/** Every text column of the job repository and the usage tables, concatenated. */
	private String databaseText() throws SQLException {
		StringBuilder text = new StringBuilder();
		try (Connection connection = this.database.connect(this.dir);
				Statement statement = connection.createStatement()) {
			for (String table : List.of("BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
					"BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION", "COST_QUERY", "USAGE_ROW")) {
				try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						for (int i = 1; i <= columns; i++) {
							text.append(rs.getString(i)).append('\n');
						}
					}
				}
			}
		}
		assertThat(text).contains("sandbox-demo");
		return text.toString();
	}

	private static String basic(String id, String secret) {
		return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
