package org.customerportal.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

	private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

	private final Order order = Order.place(UUID.randomUUID(), null, OrderType.NEW_PURCHASE,
			List.of(line("1249.00", 2), line("49.00", 3)), "USD", null, new OrderContact("alice", "alice@example.com", NOW));

	@Test
	void totalsItsLinesAndStartsWithThePlacerAsContact() {
		assertThat(order.total()).isEqualTo(Money.of("2645.00", "USD"));
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.contacts()).extracting(OrderContact::userId).containsExactly("alice");
	}

	@Test
	void isSeenByItsContactsAndSupportOnly() {
		assertThat(order.visibleTo(caller("alice", false))).isTrue();
		assertThat(order.visibleTo(caller("bob", false))).isFalse();
		assertThat(order.visibleTo(caller("carol", true))).isTrue();
	}

	@Test
	void isPaidOnceAndNeverAfterCancelling() {
		order.markPaid(UUID.randomUUID(), PaymentMethod.CREDIT_CARD, NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThatThrownBy(() -> order.markPaid(UUID.randomUUID(), PaymentMethod.PAYPAL, NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessage("This order is already paid.");
		assertThatThrownBy(() -> order.cancel("alice", NOW)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aCancelledOrderCannotBePaidAndCancellingAgainChangesNothing() {
		assertThat(order.cancel("alice", NOW)).isTrue();
		assertThat(order.cancel("alice", NOW.plusSeconds(5))).isFalse();
		assertThat(order.cancelledAt()).isEqualTo(NOW);
		assertThatThrownBy(order::assertPayable).isInstanceOf(ConflictException.class)
			.hasMessageStartingWith("This order was cancelled");
	}

	@Test
	void keepsItsLastContactUnlessThePersonLeftTheOrganization() {
		assertThatThrownBy(() -> order.removeContact("alice")).isInstanceOf(BusinessRuleException.class)
			.hasMessage("An order needs at least one contact. Add another contact before removing this one.");
		order.addContact("bob", "bob@example.com", NOW);
		assertThatThrownBy(() -> order.addContact("bob", "bob@example.com", NOW)).isInstanceOf(ConflictException.class);
		order.removeContact("alice");
		assertThat(order.contacts()).extracting(OrderContact::userId).containsExactly("bob");
		assertThat(order.dropContact("bob")).isPresent();
		assertThat(order.contacts()).isEmpty();
	}

	private static OrderLine line(String unitPrice, int quota) {
		BigDecimal unit = new BigDecimal(unitPrice);
		return new OrderLine(UUID.randomUUID(), "P", "Product", LicenseType.ANNUAL, quota, null, 1, unit,
				unit.multiply(BigDecimal.valueOf(quota)));
	}

	private static CurrentUser caller(String subject, boolean support) {
		return new CurrentUser(subject, subject + "@example.com", true, subject,
				support ? Set.of("customer", "support") : Set.of("customer"));
	}

}
