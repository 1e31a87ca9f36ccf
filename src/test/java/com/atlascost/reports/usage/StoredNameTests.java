package com.atlascost.reports.usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredNameTests {

	@Test
	void aNameThatFitsIsKeptAsItIs() {
		assertThat(StoredName.fit("Acme Production", 255)).isEqualTo("Acme Production");
		assertThat(StoredName.fit("x".repeat(255), 255)).isEqualTo("x".repeat(255));
		assertThat(StoredName.fit(null, 255)).isNull();
	}

	@Test
	void aLongerNameIsCutToTheColumnWithAMarker() {
		String cut = StoredName.fit("p".repeat(40_000), 255);

		assertThat(cut).hasSize(255).startsWith("p".repeat(200)).endsWith("…[truncated]");
	}

	@Test
	void aSurrogatePairIsNeverSplit() {
		String name = "a".repeat(100 - StoredName.MARKER.length() - 1) + "😀" + "b".repeat(50);

		String cut = StoredName.fit(name, 100);

		assertThat(cut).hasSizeLessThanOrEqualTo(100).endsWith("a" + StoredName.MARKER);
	}

	@Test
	void controlCharactersNeverReachTheDatabaseOrTheCsv() {
		assertThat(StoredName.fit("Acme\u0000Prod\u001b[31m\r\nuction", 255))
			.isEqualTo("Acme\uFFFDProd\uFFFD[31m\uFFFD\uFFFDuction");
	}

}
