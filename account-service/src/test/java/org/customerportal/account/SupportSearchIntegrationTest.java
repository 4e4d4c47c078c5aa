package org.customerportal.account;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The support console finds a person or a company by a part of an e-mail address or a name. Each test
 * searches for a marker only its own people carry.
 */
class SupportSearchIntegrationTest extends AccountIntegrationTestSupport {

	private final String marker = "q" + UUID.randomUUID().toString().substring(0, 8).replace('-', 'x');

	private final Person sam = support("Sam");

	@Test
	void supportFindsPeopleByAPartOfTheirEmailAddressOrNameWithTheirCompany() throws Exception {
		Person ada = person("Ada" + marker);
		Person bob = person("Bob" + marker);
		UUID acme = createOrganization(ada, "Acme " + marker);
		call(GET, "/api/me", bob).andExpect(status().isOk());

		JsonNode both = body(call(GET, "/api/users?query=" + marker.toUpperCase(), sam).andExpect(status().isOk()));
		assertThat(both.get("totalItems").asLong()).isEqualTo(2);
		JsonNode first = both.get("items").get(0);
		assertThat(first.get("id").asString()).isEqualTo(ada.id());
		assertThat(first.get("email").asString()).isEqualTo(ada.email());
		assertThat(first.get("name").asString()).isEqualTo(ada.name());
		assertThat(first.get("organizationId").asString()).isEqualTo(acme.toString());
		assertThat(first.get("organizationName").asString()).isEqualTo("Acme " + marker);
		JsonNode second = both.get("items").get(1);
		assertThat(second.get("id").asString()).isEqualTo(bob.id());
		assertThat(second.get("organizationId").isNull()).isTrue();

		assertThat(ids(call(GET, "/api/users?query=" + ada.email(), sam))).containsExactly(ada.id());
		assertThat(ids(call(GET, "/api/users?query=bob" + marker, sam))).containsExactly(bob.id());
		call(GET, "/api/users?query=" + marker + "&page=1&size=1", sam).andExpect(jsonPath("$.totalItems").value(2))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.items[0].id").value(bob.id()));

		// a removed account is not found any more
		FakeKeycloak.get().addUser(bob.id(), bob.email());
		call(DELETE, "/api/users/" + bob.id(), sam).andExpect(status().isNoContent());
		assertThat(ids(call(GET, "/api/users?query=" + marker, sam))).containsExactly(ada.id());
	}

	@Test
	void supportFindsCompaniesByAPartOfTheirNameOrOfAMembersEmailAddress() throws Exception {
		Person ada = person("Ada" + marker);
		Person carol = person("Carol" + marker);
		UUID adas = organizationOf(ada, carol);
		Person dave = person("Dave" + marker);
		UUID daves = createOrganization(dave, "Dave " + marker + " Ltd");

		JsonNode byMember = body(call(GET, "/api/organizations?query=CAROL" + marker, sam).andExpect(status().isOk()));
		assertThat(byMember.get("totalItems").asLong()).isEqualTo(1);
		JsonNode found = byMember.get("items").get(0);
		assertThat(found.get("id").asString()).isEqualTo(adas.toString());
		assertThat(found.get("name").asString()).isEqualTo(ada.name() + "'s company");
		assertThat(found.get("primaryContactId").asString()).isEqualTo(ada.id());
		assertThat(found.get("memberCount").asLong()).isEqualTo(2);
		assertThat(found.get("createdAt").asString()).isNotBlank();

		assertThat(ids(call(GET, "/api/organizations?query=" + marker + " ltd", sam))).containsExactly(daves.toString());
		assertThat(ids(call(GET, "/api/organizations?query=" + marker, sam))).as("by name")
			.containsExactly(adas.toString(), daves.toString());
	}

	@Test
	void salesStaffFindCompaniesAndTheirPeopleButNotPeopleAtLarge() throws Exception {
		Person ada = person("Ada" + marker);
		Person carol = person("Carol" + marker);
		UUID adas = organizationOf(ada, carol);
		Person sally = sales("Sally");

		assertThat(ids(call(GET, "/api/organizations?query=" + marker, sally))).containsExactly(adas.toString());
		call(GET, "/api/organizations/" + adas, sally).andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryContactId").value(ada.id()));
		assertThat(body(call(GET, "/api/organizations/" + adas + "/users", sally).andExpect(status().isOk()))
			.get("items")
			.findValuesAsString("email")).containsExactlyInAnyOrder(ada.email(), carol.email());
		call(GET, "/api/organizations/" + UUID.randomUUID(), sally).andExpect(status().isNotFound());
		call(GET, "/api/users?query=" + marker, sally).andExpect(status().isForbidden());
	}

	@Test
	void wildcardsInTheQueryAreTakenLiterally() throws Exception {
		person("Eve" + marker);
		call(GET, "/api/users?query=%%", sam).andExpect(jsonPath("$.totalItems").value(0));
		call(GET, "/api/organizations?query=__", sam).andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void substringSearchesHaveTrigramIndexesWherePostgresHasPgTrgm() {
		// the embedded PostgreSQL has pg_trgm; a server without it runs the same queries without them
		assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like '%trgm%'", String.class))
			.containsExactlyInAnyOrder("portal_user_email_trgm_idx", "portal_user_name_trgm_idx",
					"organization_name_trgm_idx");
	}

	@Test
	void onlySupportSearches() throws Exception {
		Person alice = person("Alice" + marker);
		createOrganization(alice, "Alice " + marker);

		call(GET, "/api/users?query=" + marker, alice).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		call(GET, "/api/organizations?query=" + marker, alice).andExpect(status().isForbidden());
		mvc.perform(get("/api/users?query=" + marker)).andExpect(status().isUnauthorized());
	}

	@Test
	void theQueryHasTwoToOneHundredCharacters() throws Exception {
		for (String path : List.of("/api/users", "/api/organizations")) {
			for (String query : List.of("", "?query=a", "?query=" + "x".repeat(101), "?query=   ")) {
				JsonNode problem = body(call(GET, path + query, sam));
				assertThat(problem.path("status").asInt()).as(path + query).isEqualTo(400);
				assertThat(problem.at("/errors/0/field").asString()).as(path + query).isEqualTo("query");
			}
			call(GET, path + "?query=" + "x".repeat(100), sam).andExpect(status().isOk());
		}
	}

	private static List<String> ids(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return body(result.andExpect(status().isOk())).get("items").valueStream().map(i -> i.get("id").asString()).toList();
	}

}
