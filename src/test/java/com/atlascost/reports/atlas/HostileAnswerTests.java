package com.atlascost.reports.atlas;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import com.atlascost.reports.atlas.ScriptedAtlas.Answer;
import com.atlascost.reports.sandbox.SandboxData;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers of a hostile server, scripted over real HTTP: listings that never end, bodies
 * that are no JSON, text that would rewrite a log line, ids that would leave their
 * filter.
 */
@ExtendWith(OutputCaptureExtension.class)
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

	/**
	 * A bare {@code NaN} in a 200: a bad answer naming where it broke, tried three times
	 * in all, not with the transient budget.
	 */
	@Test
	void aBodyThatIsNoJsonIsABadAnswerNamingItsPositionAndIsRetriedTwice() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("NaN"));

		assertThatThrownBy(() -> this.atlas.client("retry.max-attempts", "19", "retry.min-backoff", "1ms")
			.organizations()
			.listProjects(ORG)
			.blockLast(Duration.ofSeconds(20))).isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.MALFORMED_BODY);
				assertThat(ex.detail())
					.startsWith("the answer is not JSON at line 1, column 4 (offset 3): 'Non-standard token 'NaN'");
				assertThat(ex.isTransient()).isFalse();
			});
		assertThat(this.atlas.requests()).hasSize(3);
	}

	@Test
	void aBadValueInsideTheJsonNamesItsField() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("""
				{"results": [{"id": "%s", "name": NaN}], "totalCount": 1}""".formatted(PROJECT)));

		assertThatThrownBy(() -> this.atlas.client("retry.min-backoff", "1ms")
			.organizations()
			.listProjects(ORG)
			.blockLast(Duration.ofSeconds(20))).isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.MALFORMED_BODY);
				assertThat(ex.detail()).startsWith(
						"the answer is not JSON, in field 'name' at line 1, column 60 (offset 59): 'Non-standard token 'NaN'");
			});
		assertThat(this.atlas.requests()).hasSize(3);
	}

	/**
	 * A complete message of half an answer: cut short, retried as a transient failure.
	 */
	@Test
	void aCutBodyIsRetriedAsATransientFailure() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("{\"results\": [{\"id\": \"" + PROJECT));

		assertThatThrownBy(() -> this.atlas.client("retry.max-attempts", "5", "retry.min-backoff", "1ms")
			.organizations()
			.listProjects(ORG)
			.blockLast(Duration.ofSeconds(20))).isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(AtlasApiException.UNPARSEABLE_BODY);
				assertThat(ex.detail()).startsWith("the answer ends before its JSON does (cut short?)");
			});
		assertThat(this.atlas.requests()).hasSize(5);
	}

	/**
	 * A right-to-left override, an escape sequence and a line break in an error: none
	 * reaches the exception's message, nor the log line made of it.
	 */
	@Test
	void controlAndBidirectionalCharactersFromAtlasNeverReachAMessage(CapturedOutput output) {
		this.atlas = ScriptedAtlas.answering((uri) -> new Answer(400, """
				{"error": 400, "errorCode": "BAD\\u202eDETCEPXE", "reason": "Bad\\u2066 Request",
				 "detail": "groupId\\u001b[31m\\nINFO forged line\\u202e\\u200f\\u0085 refused"}"""));

		assertThatThrownBy(() -> this.atlas.client()
			.organizations()
			.listProjects(ORG)
			.doOnError((ex) -> LoggerFactory.getLogger(HostileAnswerTests.class).warn("{}", ex.getMessage()))
			.blockLast(Duration.ofSeconds(20))).isInstanceOfSatisfying(AtlasApiException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("BADDETCEPXE");
				assertThat(ex.detail()).isEqualTo("groupId[31mINFO forged line refused");
				assertThat(ex).hasMessage("list projects for org " + ORG
						+ " failed: 400 BADDETCEPXE: groupId[31mINFO forged line refused");
			});
		assertThat(output).contains("failed: 400 BADDETCEPXE: groupId[31mINFO forged line refused")
			.doesNotContain("\u202e", "\u001b", "\u2066", "\u200f", "\u0085");
	}

	@Test
	void namesFromAListingLoseTheirControlCharacters() {
		this.atlas = ScriptedAtlas.answering((uri) -> Answer.ok("""
				{"results": [{"id": "%s", "name": "\\u202egnp.exe\\u0007"}], "totalCount": 1}""".formatted(PROJECT)));

		assertThat(this.atlas.client().organizations().listProjects(ORG).collectList().block(Duration.ofSeconds(10)))
			.containsExactly(new AtlasProject(PROJECT, "gnp.exe"));
	}

	@Test
	void theListingDeadlineDefaultsToTwoMinutes() {
		assertThat(TestAtlasProperties.of().listingDeadline()).isEqualTo(Duration.ofMinutes(2));
	}

}
