package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.atlascost.reports.atlas.ScriptedAtlas.Answer;
import com.atlascost.reports.sandbox.SandboxData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers of a hostile server, scripted over real HTTP: listings that never end, bodies
 * that are no JSON, text that would rewrite a log line, ids that would leave their
 * filter.
 */
class HostileAnswerTests {

	private static final String ORG = SandboxData.ACME_PRODUCTION;

	private static final String PROJECT = "5f0c2a3b4d5e6f7081920aaa";

	private ScriptedAtlas atlas;

	@AfterEach
	void stop() {
		if (this.atlas != null) {
			this.atlas.close();
		}
	}

	/** {@code totalCount} 10^9, one item a page: the short first page ends the list. */
	@Test
	void aShortPageEndsAListingWhateverItsTotalCountSays() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("""
				{"results": [{"id": "%s", "name": "only"}], "totalCount": 1000000000}""".formatted(PROJECT)));

		List<AtlasProject> projects = this.atlas.client("items-per-page", "2")
			.organizations()
			.listProjects(ORG)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(projects).containsExactly(new AtlasProject(PROJECT, "only"));
		assertThat(this.atlas.requests()).hasSize(1);
	}

	@Test
	void anEmptyPageEndsAListingWhateverItsTotalCountSays() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("""
				{"results": [], "totalCount": 1000000000}"""));

		assertThat(
				this.atlas.client().clusters().listClusters(ORG, PROJECT).collectList().block(Duration.ofSeconds(10)))
			.isEmpty();
		assertThat(this.atlas.requests()).hasSize(1);
	}

	/**
	 * Full pages for ever under a count of 10^9: the listing deadline ends it, naming the
	 * operation, the organization and the project.
	 */
	@Test
	void aListingOfFullPagesForEverEndsAtTheListingDeadline() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("""
				{"results": [{"id": "%s", "name": "a"}, {"id": "%s", "name": "b"}], "totalCount": 1000000000}"""
			.formatted(PROJECT, PROJECT)));
		AtlasClient client = this.atlas.client("items-per-page", "2", "listing-deadline", "1s");
		long started = System.nanoTime();

		assertThatThrownBy(() -> client.clusters().listFlexClusters(ORG, PROJECT).blockLast(Duration.ofSeconds(20)))
			.isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.UNEXPECTED_ANSWER);
				assertThat(ex).hasMessage("list Flex clusters for org " + ORG + " failed: 200 UNEXPECTED_ANSWER: "
						+ "the listing of project " + PROJECT + " did not end within atlas.listing-deadline (PT1S)");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.atlas.requests()).hasSizeGreaterThan(2);
	}

	@Test
	void theListingDeadlineDefaultsToTwoMinutes() {
		assertThat(TestAtlasProperties.of().listingDeadline()).isEqualTo(Duration.ofMinutes(2));
	}

}
