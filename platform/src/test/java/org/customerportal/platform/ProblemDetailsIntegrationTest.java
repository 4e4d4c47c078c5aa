package org.customerportal.platform;

import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest(classes = TestApplication.class)
class ProblemDetailsIntegrationTest {

	@Autowired
	MockMvc mvc;

	JsonMapper json = new JsonMapper();

	String token = TestTokens.get().customer("problem-user", "carol@example.com");

	@Test
	void invalidFieldsAnswer400NamingEachField() throws Exception {
		mvc.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\", \"count\": -1}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "count")))
			.andExpect(jsonPath("$.traceId", notNullValue()));
	}

	@Test
	void malformedJsonAnswers400() throws Exception {
		mvc.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void aValueOfTheWrongTypeNamesItsField() throws Exception {
		mvc.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"a\", \"count\": \"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("count"));
	}

	@Test
	void aNulCharacterInABodyFieldAnswers400NamingTheField() throws Exception {
		mvc.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"nul\\u0000byte\", \"count\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request has invalid fields: name must not contain the NUL character."))
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void aNulCharacterInAQueryParameterAnswers400NamingIt() throws Exception {
		mvc.perform(authorized(get(java.net.URI.create("/api/widgets?name=nul%00byte"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("must not contain the NUL character"));
		mvc.perform(authorized(get(java.net.URI.create("/api/widgets?name=%CE%A9mega"))))
			.andExpect(status().isOk());
	}

	@Test
	void textTheDatabaseCannotStoreAnswers400NotA500() throws Exception {
		mvc.perform(authorized(post("/api/widgets/unstorable")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"The request contains characters that cannot be stored, such as the NUL character. Remove them and try again."));
	}

	@Test
	void aMalformedIdInThePathAnswers400() throws Exception {
		mvc.perform(authorized(get("/api/widgets/not-a-uuid")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void aFieldTheServiceRefusesAnswers400NamingIt() throws Exception {
		mvc.perform(authorized(post("/api/rules/invalid-field")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request has invalid fields: colour is not one this factory paints."))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("colour"))
			.andExpect(jsonPath("$.errors[0].message").value("is not one this factory paints"));
	}

	@Test
	void businessRulesAnswer422WithTheirSentence() throws Exception {
		mvc.perform(authorized(post("/api/rules/business")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Widgets cannot be sold on Sundays. Try again on Monday."))
			.andExpect(jsonPath("$.title").value("Unprocessable Content"))
			.andExpect(jsonPath("$.traceId", notNullValue()));
	}

	@Test
	void conflictsAnswer409() throws Exception {
		mvc.perform(authorized(post("/api/rules/conflict")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This widget is already yours."));
	}

	@Test
	void anUnavailableDependencyAnswers503WithRetryAfter() throws Exception {
		mvc.perform(authorized(post("/api/rules/unavailable")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(jsonPath("$.detail").value("The widget factory does not answer. Try again in a minute."));
	}

	@Test
	void unknownResourcesAnswer404() throws Exception {
		mvc.perform(authorized(get("/api/widgets/00000000-0000-0000-0000-000000000001")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no widget 00000000-0000-0000-0000-000000000001."));
	}

	@Test
	void aConcurrentChangeAnswers409AndTheLaterWriterLoses() throws Exception {
		String created = mvc
			.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"lamp\", \"count\": 1}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = json.readTree(created).get("id").asString();

		mvc.perform(authorized(put("/api/widgets/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"desk lamp\", \"version\": 0}")).andExpect(status().isOk());
		mvc.perform(authorized(put("/api/widgets/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"floor lamp\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Someone else changed this at the same time. Reload it and try again."));

		mvc.perform(authorized(get("/api/widgets/" + id))).andExpect(jsonPath("$.name").value("desk lamp"));
	}

	@Test
	void aUniqueConstraintCaughtByTheDatabaseAnswers409() throws Exception {
		String created = mvc
			.perform(authorized(post("/api/widgets")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"vase\", \"count\": 1}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = json.readTree(created).get("id").asString();

		String body = mvc.perform(authorized(post("/api/widgets/" + id + "/copies")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("This already exists or was just changed by another request. Reload and try again."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("widget_pkey", "insert");
	}

	@Test
	void unexpectedErrorsAnswer500WithoutInternals() throws Exception {
		String body = mvc.perform(authorized(get("/api/boom")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode problem = json.readTree(body);
		assertThat(problem.get("traceId").asString()).isNotBlank();
		assertThat(body).doesNotContain("select", "credentials", "IllegalStateException", "at org.");
	}

	private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + token);
	}

}
