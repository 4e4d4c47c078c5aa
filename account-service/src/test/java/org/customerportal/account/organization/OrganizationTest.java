package org.customerportal.account.organization;

import java.time.Duration;
import java.time.Instant;

import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTest {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	Organization acme = Organization.create(" Acme ", "alice", T0);

	@Test
	void theCreatorIsTheFirstMemberAndThePrimaryContact() {
		assertThat(acme.name()).isEqualTo("Acme");
		assertThat(acme.isMember("alice")).isTrue();
		assertThat(acme.primaryContactId()).contains("alice");
		assertThat(acme.createdAt()).isEqualTo(T0);
	}

	@Test
	void aPersonJoinsOnce() {
		assertThat(acme.join("bob", T0.plusSeconds(60))).isEmpty();
		assertThat(acme.isMember("bob")).isTrue();
		assertThatThrownBy(() -> acme.join("bob", T0.plusSeconds(120))).isInstanceOf(ConflictException.class)
			.hasMessage("You are already a member of this organization.");
	}

	@Test
	void onlyThePrimaryContactOrSupportAssignsANewPrimaryContact() {
		acme.join("bob", T0.plusSeconds(60));
		acme.join("carol", T0.plusSeconds(120));

		assertThatThrownBy(() -> acme.assignPrimaryContact("carol", "bob", false))
			.isInstanceOf(ForbiddenException.class)
			.hasMessage("Only the current primary contact can assign a new primary contact.");
		assertThat(acme.primaryContactId()).contains("alice");

		assertThat(acme.assignPrimaryContact("bob", "alice", false))
			.contains(new Organization.PrimaryContactChange("alice", "bob"));
		assertThat(acme.assignPrimaryContact("carol", "support-staff", true))
			.contains(new Organization.PrimaryContactChange("bob", "carol"));
		assertThat(acme.primaryContactId()).contains("carol");
	}

	@Test
	void theNewPrimaryContactMustBeAMember() {
		assertThatThrownBy(() -> acme.assignPrimaryContact("mallory", "alice", false))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageStartingWith("The new primary contact must be a member of the organization.");
		assertThat(acme.primaryContactId()).contains("alice");
	}

	@Test
	void assigningTheCurrentPrimaryContactChangesNothing() {
		assertThat(acme.assignPrimaryContact("alice", "alice", false)).isEmpty();
	}

	@Test
	void thePrimaryContactCannotBeRemovedOrLeaveUntilReplaced() {
		acme.join("bob", T0.plusSeconds(60));

		assertThatThrownBy(() -> acme.removeMember("alice")).isInstanceOf(BusinessRuleException.class)
			.hasMessage("The primary contact cannot be removed or leave the organization until another primary "
					+ "contact is assigned.");
		assertThat(acme.isMember("alice")).isTrue();

		acme.assignPrimaryContact("bob", "alice", false);
		acme.removeMember("alice");
		assertThat(acme.isMember("alice")).isFalse();
	}

	@Test
	void removingSomeoneWhoIsNotAMemberIsNotFound() {
		assertThatThrownBy(() -> acme.removeMember("mallory")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void whenThePrimaryContactsAccountIsRemovedTheLongestStandingMemberTakesOver() {
		acme.join("zed", T0.plus(Duration.ofDays(1)));
		acme.join("carol", T0.plus(Duration.ofDays(2)));
		acme.join("bob", T0.plus(Duration.ofDays(2))); // same moment as carol: the id breaks the tie

		assertThat(acme.removeAccount("alice")).contains(new Organization.PrimaryContactChange("alice", "zed"));
		assertThat(acme.removeAccount("zed")).contains(new Organization.PrimaryContactChange("zed", "bob"));
		assertThat(acme.primaryContactId()).contains("bob");
		assertThat(acme.isMember("zed")).isFalse();
	}

	@Test
	void removingAnotherMembersAccountKeepsThePrimaryContact() {
		acme.join("bob", T0.plusSeconds(60));

		assertThat(acme.removeAccount("bob")).isEmpty();
		assertThat(acme.primaryContactId()).contains("alice");
	}

	@Test
	void withTheLastMemberGoneThereIsNoPrimaryContactUntilSomeoneJoins() {
		assertThat(acme.removeAccount("alice")).isEmpty();
		assertThat(acme.primaryContactId()).isEmpty();
		assertThat(acme.members()).isEmpty();

		// someone accepting an invitation sent before becomes the primary contact
		assertThat(acme.join("bob", T0.plus(Duration.ofDays(3))))
			.contains(new Organization.PrimaryContactChange(null, "bob"));
		assertThat(acme.primaryContactId()).contains("bob");
	}

	@Test
	void membersAreListedLongestStandingFirst() {
		acme.join("bob", T0.plusSeconds(60));
		acme.join("carol", T0.plusSeconds(30));

		assertThat(acme.members()).extracting(Membership::userId).containsExactly("alice", "carol", "bob");
	}

}
