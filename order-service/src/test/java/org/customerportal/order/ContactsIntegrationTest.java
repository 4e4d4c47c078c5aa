package org.customerportal.order;

import java.util.Map;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Order contacts: who sees an order, the rule that contacts are members of its organisation, the last
 * contact, people leaving, and "My Orders".
 */
class ContactsIntegrationTest extends OrderIntegrationTestSupport {

	private static final String LINE = "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":10}]";

	@Test
	void onlyMembersOfTheOrdersOrganizationCanBeAddedAsContacts() throws Exception {
		Person buyer = newOrganization();
		Person colleague = newMember(buyer.organizationId());
		Person stranger = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();

		mvc.perform(addContact(orderId, buyer, stranger.email()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value(stranger.email() + " is not linked to your organization and cannot be added to Contacts."));
		mvc.perform(addContact(orderId, buyer, "nobody@example.com"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("nobody@example.com is not linked to your organization and cannot be added to Contacts."));
		mvc.perform(addContact(orderId, buyer, "not-an-email"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));

		// the colleague does not see the order until added
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", colleague.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(addContact(orderId, buyer, colleague.email().toUpperCase()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.userId").value(colleague.userId()))
			.andExpect(jsonPath("$.email").value(colleague.email()));
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", colleague.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contacts.length()").value(2));
		mvc.perform(addContact(orderId, buyer, colleague.email())).andExpect(status().isConflict());

		// the contact list is paged, in the order contacts were added
		String contacts = "/api/orders/" + orderId + "/contacts";
		mvc.perform(get(contacts).header("Authorization", colleague.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].userId").value(org.hamcrest.Matchers.contains(buyer.userId(), colleague.userId())))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(2));
		mvc.perform(get(contacts + "?page=1&size=1").header("Authorization", colleague.bearer()))
			.andExpect(jsonPath("$.items[*].email").value(org.hamcrest.Matchers.contains(colleague.email())))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.totalItems").value(2));
		mvc.perform(get(contacts + "?size=101").header("Authorization", colleague.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get(contacts + "?page=-1").header("Authorization", colleague.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));

		JsonNode added = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.contact-added.v1", orderId));
		assertThat(added.get("userId").asString()).isEqualTo(colleague.userId());
		assertThat(added.get("email").asString()).isEqualTo(colleague.email());

		// outsiders see nothing and change nothing; support sees but does not edit
		for (String path : new String[] { "/api/orders/" + orderId, "/api/orders/" + orderId + "/contacts" }) {
			mvc.perform(get(path).header("Authorization", stranger.bearer())).andExpect(status().isNotFound());
			mvc.perform(get(path).header("Authorization", supportBearer())).andExpect(status().isOk());
		}
		mvc.perform(addContact(orderId, stranger, stranger.email())).andExpect(status().isNotFound());
		mvc.perform(post("/api/orders/" + orderId + "/cancel").header("Authorization", stranger.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(addContact(orderId, supportBearer(), colleague.email())).andExpect(status().isForbidden());
	}

	@Test
	void theLastContactCannotBeRemovedAndARemovedContactLosesTheOrder() throws Exception {
		Person buyer = newOrganization();
		Person colleague = newMember(buyer.organizationId());
		String orderId = placeOrder(buyer, LINE).get("id").asString();

		mvc.perform(delete("/api/orders/" + orderId + "/contacts/" + buyer.userId()).header("Authorization", buyer.bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("An order needs at least one contact. Add another contact before removing this one."));

		mvc.perform(addContact(orderId, buyer, colleague.email())).andExpect(status().isCreated());
		mvc.perform(delete("/api/orders/" + orderId + "/contacts/" + buyer.userId())
			.header("Authorization", colleague.bearer())).andExpect(status().isNoContent());

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer())).andExpect(status().isNotFound());
		mvc.perform(get("/api/orders/" + orderId + "/contacts").header("Authorization", colleague.bearer()))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].userId").value(colleague.userId()))
			.andExpect(jsonPath("$.totalItems").value(1));
		JsonNode removed = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.contact-removed.v1", orderId));
		assertThat(removed.get("userId").asString()).isEqualTo(buyer.userId());
	}

	@Test
	void aPersonWhoLeavesTheOrganizationLeavesItsOrdersAndTheLastContactPassesToThePrimaryContact() throws Exception {
		Person primary = newOrganization();
		Person leaver = newMember(primary.organizationId());
		Person colleague = newMember(primary.organizationId());
		String sharedOrder = placeOrder(leaver, LINE).get("id").asString();
		mvc.perform(addContact(sharedOrder, leaver, colleague.email())).andExpect(status().isCreated());
		String ownOrder = placeOrder(leaver, LINE).get("id").asString();

		awaitApplied(publishAccountEvent("portal.member.removed.v1", primary.organizationId().toString(),
				Map.of("organizationId", primary.organizationId().toString(), "userId", leaver.userId(), "email",
						leaver.email())));

		mvc.perform(get("/api/orders/" + sharedOrder).header("Authorization", leaver.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/orders/" + sharedOrder + "/contacts").header("Authorization", colleague.bearer()))
			.andExpect(jsonPath("$.items[*].userId").value(org.hamcrest.Matchers.contains(colleague.userId())));
		mvc.perform(get("/api/orders/" + ownOrder + "/contacts").header("Authorization", primary.bearer()))
			.andExpect(jsonPath("$.items[*].userId").value(org.hamcrest.Matchers.contains(primary.userId())));
		mvc.perform(post("/api/quotes").header("Authorization", leaver.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + primary.organizationId() + "\",\"lines\":" + LINE + "}"))
			.andExpect(status().isNotFound());

		assertThat(ORDER_EVENTS.awaitMessages(m -> m.key().equals(ownOrder) && m.type().endsWith("contact-added.v1")))
			.hasSize(1);
		assertThat(orderEvents(ownOrder)).extracting(TopicReader.Message::type)
			.containsExactly("portal.order.placed.v1", "portal.order.contact-removed.v1",
					"portal.order.contact-added.v1");
	}

	@Test
	void aRemovedAccountLeavesEveryContactListAndCannotComeBack() throws Exception {
		Person buyer = newOrganization();
		Person removed = newMember(buyer.organizationId());
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		mvc.perform(addContact(orderId, buyer, removed.email())).andExpect(status().isCreated());

		awaitApplied(publishAccountEvent("portal.user.removed.v1", removed.userId(),
				Map.of("userId", removed.userId(), "organizationId", buyer.organizationId().toString())));
		mvc.perform(get("/api/orders/" + orderId + "/contacts").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[*].userId").value(org.hamcrest.Matchers.contains(buyer.userId())));

		// a late member.joined of the removed account changes nothing
		awaitApplied(memberJoined(removed));
		mvc.perform(addContact(orderId, buyer, removed.email())).andExpect(status().isUnprocessableContent());
	}

	@Test
	void myOrdersArePagedNewestFirstAndSupportSeesAnOrganizationsOrders() throws Exception {
		Person buyer = newOrganization();
		String first = placeOrder(buyer, LINE).get("id").asString();
		String second = placeOrder(buyer, LINE).get("id").asString();
		String third = placeOrder(buyer, LINE).get("id").asString();
		Person colleague = newMember(buyer.organizationId());
		mvc.perform(addContact(second, buyer, colleague.email())).andExpect(status().isCreated());

		mvc.perform(get("/api/orders?page=0&size=2").header("Authorization", buyer.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(third, second)));
		mvc.perform(get("/api/orders?page=1&size=2").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(first)));
		mvc.perform(get("/api/orders").header("Authorization", colleague.bearer()))
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.items[0].id").value(second));
		mvc.perform(get("/api/orders?organizationId=" + buyer.organizationId()).header("Authorization", supportBearer()))
			.andExpect(jsonPath("$.totalItems").value(3));
		mvc.perform(get("/api/orders?size=0").header("Authorization", buyer.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/orders?page=-1").header("Authorization", buyer.bearer()))
			.andExpect(status().isBadRequest());
	}

	private static MockHttpServletRequestBuilder addContact(String orderId, Person caller, String email) {
		return addContact(orderId, caller.bearer(), email);
	}

	private static MockHttpServletRequestBuilder addContact(String orderId, String bearer, String email) {
		return post("/api/orders/" + orderId + "/contacts").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\"}");
	}

}
