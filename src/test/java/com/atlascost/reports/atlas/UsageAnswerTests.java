package com.atlascost.reports.atlas;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageAnswerTests {

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	private final JsonMapper mapper = AtlasJson.mapper();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					''                                                             | usageDetails: the answer has an empty body
					{}                                                             | usageDetails: absent from the answer
					{"usageDetails": null}                                         | usageDetails: not a list but null
					{"usageDetails": {}}                                           | usageDetails: not a list but a JSON object
					{"usageDetail": []}                                            | usageDetails: absent from the answer
					{"usageDetails": [7]}                                          | usageDetails[0]: not an object but 7
					{"usageDetails": [{"usageDate": "2024-03-01"}]}                | usageDetails[0].usageAmount: absent is not an amount
					{"usageDetails": [{"usageAmount": "1e3", "usageDate": "2024-03-01"}]} | usageDetails[0].usageAmount: '1e3' is not an amount
					{"usageDetails": [{"usageAmount": 1.5}]}                       | usageDetails[0].usageDate: absent is not a date (YYYY-MM-DD)
					{"usageDetails": [{"usageAmount": 1.5, "usageDate": "03/01/2024"}]} | usageDetails[0].usageDate: '03/01/2024' is not a date (YYYY-MM-DD)
					{"usageDetails": [{"usageAmount": 1.5, "usageDate": "2024-03-01", "groupId": ".."}]} | usageDetails[0].groupId: '..' is not an Atlas id (24 hex digits)
					{"usageDetails": [{"usageAmount": 1.5, "usageDate": "2024-03-01", "service": 12}]} | usageDetails[0].service: 12 is not text
					""")
	void anAnswerThatIsNotTheDocumentedOneFailsNamingTheField(String body, String detail) {
		AtlasReply reply = AtlasReply.read(200, body, null, this.mapper);

		assertThatThrownBy(() -> UsageAnswer.read(reply.content(), ORG)).isInstanceOfSatisfying(AtlasApiException.class,
				(ex) -> {
					assertThat(ex.status()).isEqualTo(200);
					assertThat(ex.errorCode()).isEqualTo(AtlasApiException.UNEXPECTED_ANSWER);
					assertThat(ex.detail()).isEqualTo(detail);
					assertThat(ex.orgId()).isEqualTo(ORG);
					assertThat(ex.isTransient()).isFalse();
				});
	}

	@Test
	void anEmptyListIsAnAnswerAndAmountsKeepEveryDecimal() {
		assertThat(UsageAnswer.read(AtlasReply.read(200, "{\"usageDetails\": []}", null, this.mapper).content(), ORG))
			.isEmpty();
		var rows = UsageAnswer.read(AtlasReply.read(200, """
				{"usageDetails": [{"usageAmount": 1.234567, "usageDate": "2024-03-01T00:00:00Z"},
				 {"usageAmount": "0.005", "usageDate": "2024-03-02", "organizationId": "%s"}]}
				""".formatted(ORG), null, this.mapper).content(), ORG);

		assertThat(rows).extracting(UsageDetail::usageAmount)
			.containsExactly(new BigDecimal("1.234567"), new BigDecimal("0.005"));
		assertThat(rows).extracting(UsageDetail::usageDate)
			.containsExactly(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2));
	}

}
