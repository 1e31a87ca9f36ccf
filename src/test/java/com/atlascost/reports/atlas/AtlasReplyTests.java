package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How answers are read: envelopes, errors, and money without binary floating point. */
class AtlasReplyTests {

	private final JsonMapper mapper = AtlasJson.mapper();

	@Test
	void readsAmountsExactly() {
		AtlasReply reply = AtlasReply.read(200, """
				{"status": 200, "content": {"usageDetails": [
				  {"usageAmount": 1234567.89, "usageDate": "2024-09-01", "service": "Clusters", "extra": {"a": 1}},
				  {"usageAmount": 0.07, "usageDate": "2024-09-01"},
				  {"usageAmount": 51.10, "usageDate": "2024-09-01"},
				  {"usageAmount": -0.30000000000000004, "usageDate": "2024-09-01"}]}}
				""", null, this.mapper);

		var details = UsageAnswer.read(reply.content(), "5f0c2a3b4d5e6f7081920a1b");

		assertThat(details).extracting(UsageDetail::usageAmount)
			.containsExactly(new BigDecimal("1234567.89"), new BigDecimal("0.07"), new BigDecimal("51.10"),
					new BigDecimal("-0.30000000000000004"));
		assertThat(details.get(0).usageAmount().add(details.get(1).usageAmount()))
			.isEqualTo(new BigDecimal("1234567.96"));
		assertThat(details.get(0).usageDate()).isEqualTo(LocalDate.of(2024, 9, 1));
		assertThat(details.get(1).service()).isNull();
	}

	@Test
	void unwrapsAnEnvelopedError() {
		AtlasReply reply = AtlasReply.read(200, """
				{"status": 400, "content": {"error": 400, "errorCode": "VALIDATION_ERROR", "reason": "Bad Request",
				 "detail": "groupBy is required."}}
				""", null, this.mapper);

		AtlasApiException ex = reply.toException("5f0c2a3b4d5e6f7081920a1b", AtlasApiCall.CREATE_USAGE_QUERY);

		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(ex.detail()).isEqualTo("groupBy is required.");
		assertThat(ex).hasMessage(
				"create usage query for org 5f0c2a3b4d5e6f7081920a1b failed: 400 VALIDATION_ERROR: groupBy is required.");
	}

	@Test
	void readsAnErrorThatIsNoJson() {
		AtlasReply reply = AtlasReply.read(502, "<html>Bad Gateway</html>", null, this.mapper);

		AtlasApiException ex = reply.toException("5f0c2a3b4d5e6f7081920a1b", AtlasApiCall.POLL_USAGE);

		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.errorCode()).isEqualTo("HTTP_502");
		assertThat(ex.isTransient()).isTrue();
	}

	@Test
	void takesARaw102AsProcessing() {
		AtlasReply reply = AtlasReply.read(102, "", null, this.mapper);

		assertThat(reply.status()).isEqualTo(102);
		assertThat(reply.content().isMissingNode()).isTrue();
	}

}
