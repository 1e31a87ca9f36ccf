package com.atlascost.reports.run;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasePathCheckTests {

	@Test
	void onlyAnH2FileDatabaseHasAPathToCheck() {
		assertThat(DatabasePathCheck.h2File("jdbc:h2:file:./data/atlas-cost-reports;WRITE_DELAY=0"))
			.isEqualTo(Path.of("./data/atlas-cost-reports"));
		assertThat(DatabasePathCheck.h2File("jdbc:h2:./data/x")).isEqualTo(Path.of("./data/x"));
		assertThat(DatabasePathCheck.h2File("jdbc:h2:~/reports/db"))
			.isEqualTo(Path.of(System.getProperty("user.home") + "/reports/db"));
		assertThat(DatabasePathCheck.h2File("jdbc:h2:mem:dry-run")).isNull();
		assertThat(DatabasePathCheck.h2File("jdbc:h2:tcp://db.example.com/x")).isNull();
		assertThat(DatabasePathCheck.h2File("jdbc:postgresql://127.0.0.1:5432/atlas")).isNull();
		assertThat(DatabasePathCheck.h2File("jdbc:h2:file:;MODE=PostgreSQL")).isNull();
	}

}
