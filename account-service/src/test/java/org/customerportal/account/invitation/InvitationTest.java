package org.customerportal.account.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.GoneException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InvitationTest {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	InvitationToken token = InvitationToken.generate();

	Invitation invitation = Invitation.issue(UUID.randomUUID(), " Bob@Example.com ", token, "alice", T0,
			Duration.ofDays(14));

	@Test
	void tokensCarry256RandomBitsAndAreNeverRepeated() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String value = InvitationToken.generate().value();
			assertThat(Base64.getUrlDecoder().decode(value)).hasSize(32);
			assertThat(seen.add(value)).isTrue();
		}
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void onlyTheTokenItWasSentWithOpensIt() {
		assertThat(invitation.opensWith(token.value())).isTrue();
		assertThat(invitation.opensWith(InvitationToken.generate().value())).isFalse();
		assertThat(invitation.opensWith("")).isFalse();
		assertThat(invitation.opensWith(null)).isFalse();
	}

	@Test
	void theAddressIsComparedIgnoringCase() {
		assertThat(invitation.email()).isEqualTo("Bob@Example.com");
		assertThat(invitation.isAddressedTo("bob@example.COM")).isTrue();
		assertThat(invitation.isAddressedTo("bob@example.org")).isFalse();
		assertThat(invitation.isAddressedTo(null)).isFalse();
	}

	@Test
	void itExpiresFourteenDaysAfterItWasSent() {
		assertThat(invitation.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
		assertThatNoException().isThrownBy(() -> invitation.checkUsable(invitation.expiresAt().minusMillis(1)));
		assertThatThrownBy(() -> invitation.checkUsable(invitation.expiresAt())).isInstanceOf(GoneException.class)
			.hasMessage("This invitation has expired. Ask a member of the organization to invite you again.");
	}

	@Test
	void itIsUsedOnce() {
		invitation.accept("bob", T0.plusSeconds(5));

		assertThatThrownBy(() -> invitation.accept("bob", T0.plusSeconds(6))).isInstanceOf(ConflictException.class)
			.hasMessage("This invitation has already been accepted.");
	}

}
