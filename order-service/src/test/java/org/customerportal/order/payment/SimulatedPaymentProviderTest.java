package org.customerportal.order.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.InvalidNotificationException;
import org.customerportal.order.payment.PaymentProvider.Notification;
import org.customerportal.order.payment.PaymentProvider.Outcome;
import org.customerportal.order.payment.PaymentProvider.Redirect;
import org.customerportal.order.payment.PaymentProvider.Refunded;
import org.customerportal.platform.config.DevelopmentOnly;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentProviderTest {

	private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

	private final SimulatedPaymentProvider provider = provider(Clock.fixed(NOW, ZoneOffset.UTC), "local");

	@Test
	void cardsAndPaypalGoToTheTestPaymentPage() {
		UUID paymentId = UUID.randomUUID();
		assertThat(provider.start(start(paymentId, PaymentMethod.CREDIT_CARD))).isEqualTo(new Redirect(
				"SIM-" + paymentId, URI.create("https://api.example.test/api/payments/simulated/" + paymentId)));
		assertThat(provider.start(start(UUID.randomUUID(), PaymentMethod.PAYPAL))).isInstanceOf(Redirect.class);
	}

	@Test
	void letsWireTransfersAndChecksWaitWithInstructions() {
		PaymentProvider.Result wire = provider.start(start(UUID.randomUUID(), PaymentMethod.WIRE_TRANSFER));
		assertThat(wire).isInstanceOf(AwaitingConfirmation.class);
		assertThat(((AwaitingConfirmation) wire).instructions()).contains("1249.00 USD");
		assertThat(provider.start(start(UUID.randomUUID(), PaymentMethod.CHECK))).isInstanceOf(AwaitingConfirmation.class);
	}

	@Test
	void aRepeatedStartOrRefundAnswersTheFirstOne() {
		UUID paymentId = UUID.randomUUID();
		assertThat(provider.start(start(paymentId, PaymentMethod.CREDIT_CARD)))
			.isEqualTo(provider.start(start(paymentId, PaymentMethod.CREDIT_CARD)));
		PaymentProvider.Refund refund = new PaymentProvider.Refund(paymentId, "SIM-" + paymentId, Money.of("1249.00", "USD"));
		assertThat(provider.refund(refund)).isEqualTo(new Refunded("SIM-REFUND-" + paymentId))
			.isEqualTo(provider.refund(refund));
	}

	@Test
	void itsNotificationsVerifyAndSayWhatWasClicked() {
		UUID paymentId = UUID.randomUUID();
		SimulatedPaymentProvider.SignedNotification paid = provider.notification(paymentId, true);
		Notification succeeded = provider.verify(paid.payload(), paid.headers());
		assertThat(succeeded.paymentId()).isEqualTo(paymentId);
		assertThat(succeeded.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(succeeded.eventId()).startsWith("evt_sim_");

		SimulatedPaymentProvider.SignedNotification declined = provider.notification(paymentId, false);
		assertThat(provider.verify(declined.payload(), declined.headers()).outcome()).isEqualTo(Outcome.FAILED);
		assertThat(provider.verify(declined.payload(), declined.headers()).eventId()).isNotEqualTo(succeeded.eventId());
	}

	@Test
	void anAlteredUnsignedOrStaleNotificationIsRefused() {
		SimulatedPaymentProvider.SignedNotification paid = provider.notification(UUID.randomUUID(), true);
		assertThatThrownBy(() -> provider.verify(paid.payload().replace("succeeded", "declined"), paid.headers()))
			.isInstanceOf(InvalidNotificationException.class)
			.hasMessageContaining("signature does not match");
		assertThatThrownBy(() -> provider.verify(paid.payload(), new HttpHeaders()))
			.isInstanceOf(InvalidNotificationException.class)
			.hasMessageContaining("no signature");

		SimulatedPaymentProvider later = provider(Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC), "dev");
		assertThatThrownBy(() -> later.verify(paid.payload(), paid.headers()))
			.isInstanceOf(InvalidNotificationException.class)
			.hasMessageContaining("more than 5 minutes");
		SimulatedPaymentProvider soon = provider(Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC), "dev");
		assertThat(soon.verify(paid.payload(), paid.headers()).outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void outsideADevelopmentProfileTheServiceRefusesToStartWithIt() {
		assertThatThrownBy(() -> provider(Clock.systemUTC(), "prod"))
			.isInstanceOf(DevelopmentOnly.RefusedException.class)
			.hasMessageContaining("The simulated payment provider (portal.order.payments.provider=simulated) moves no money")
			.hasMessageContaining("portal.order.payments.provider (PORTAL_ORDER_PAYMENTS_PROVIDER), e.g. stripe");
		assertThatThrownBy(() -> provider(Clock.systemUTC())).isInstanceOf(DevelopmentOnly.RefusedException.class);
	}

	@Test
	void aPendingPaymentIsConfirmedOnceAndNotAfterItsOrderWasCancelled() {
		Payment confirmed = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.WIRE_TRANSFER,
				Money.of("10", "USD"), null, "alice", Instant.now());
		confirmed.awaitingConfirmation("ORD-1", "Transfer it");
		confirmed.confirm("support", Instant.now());
		assertThat(confirmed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThatThrownBy(() -> confirmed.confirm("support", Instant.now()))
			.isInstanceOf(ConflictException.class);

		Payment cancelled = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.CHECK,
				Money.of("10", "USD"), null, "alice", Instant.now());
		cancelled.awaitingConfirmation("ORD-2", "Mail it");
		cancelled.cancel(Instant.now());
		assertThatThrownBy(() -> cancelled.confirm("support", Instant.now()))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void supportCannotConfirmACardPaymentTheProviderHasNotConfirmed() {
		Payment card = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.CREDIT_CARD,
				Money.of("10", "USD"), URI.create("https://portal.example.test/orders/1"), "alice", Instant.now());
		assertThat(card.inFlight()).isTrue();
		assertThatThrownBy(() -> card.confirm("support", Instant.now()))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageStartingWith("Only wire transfers and checks are confirmed by hand");
		assertThat(card.status()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void theProvidersNotificationsMayComeLateTwiceOrOutOfOrder() {
		Payment card = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.CREDIT_CARD,
				Money.of("10", "USD"), URI.create("https://portal.example.test/orders/1"), "alice", NOW);
		card.openedOnProviderPage("cs_1", URI.create("https://pay.example.test/cs_1"));
		assertThat(card.onProviderPage()).isTrue();

		assertThat(card.settledByProvider("pi_1", NOW)).isTrue();
		assertThat(card.settledByProvider("pi_1", NOW)).as("a repeat").isFalse();
		assertThat(card.failedAtProvider("Declined.", NOW)).as("a failure after the success").isFalse();
		assertThat(card.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(card.settlementReference()).isEqualTo("pi_1");

		Payment declinedFirst = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.PAYPAL,
				Money.of("10", "USD"), URI.create("https://portal.example.test/orders/2"), "alice", NOW);
		declinedFirst.openedOnProviderPage("cs_2", URI.create("https://pay.example.test/cs_2"));
		assertThat(declinedFirst.failedAtProvider("Declined.", NOW)).isTrue();
		assertThat(declinedFirst.settledByProvider("pi_2", NOW)).as("the money moved after all").isTrue();
		assertThat(declinedFirst.status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	private static SimulatedPaymentProvider provider(Clock clock, String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		PaymentProperties properties = PaymentPropertiesTest.properties("simulated",
				new PaymentProperties.Stripe(null, null, URI.create("https://api.stripe.com")));
		return new SimulatedPaymentProvider(clock, properties, new JsonMapper(), environment);
	}

	private static PaymentProvider.Start start(UUID paymentId, PaymentMethod method) {
		return new PaymentProvider.Start(paymentId, UUID.randomUUID(), Money.of("1249.00", "USD"), method,
				URI.create("https://portal.example.test/orders/1"), NOW.plus(Duration.ofHours(1)));
	}

}
