package org.customerportal.order.payment;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No payment provider is a default: the service does not start without a known one. */
class PaymentPropertiesTest {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = " ")
	void withoutAProviderTheServiceDoesNotStart(String provider) {
		assertThatThrownBy(() -> properties(provider)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No payment provider is chosen. Set portal.order.payments.provider (PORTAL_ORDER_PAYMENTS_PROVIDER) to "
					+ "stripe, or to simulated on a development machine.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "paypal", "Stripe", "simulate" })
	void anUnknownProviderIsNamed(String provider) {
		assertThatThrownBy(() -> properties(provider)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is " + provider + ", which is no payment provider of this service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "stripe", "simulated" })
	void theKnownProvidersAreTaken(String provider) {
		assertThat(properties(provider).provider()).isEqualTo(provider);
	}

	private static PaymentProperties properties(String provider) {
		return properties(provider, new PaymentProperties.Stripe(null, null, URI.create("https://api.stripe.com")));
	}

	/**
	 * The service's defaults, with the portal at {@code https://portal.example.test} and the test page
	 * under {@code https://api.example.test}.
	 */
	static PaymentProperties properties(String provider, PaymentProperties.Stripe stripe) {
		return new PaymentProperties(provider, URI.create("https://portal.example.test"), List.of(), Duration.ofHours(1),
				Duration.ofMinutes(5), Duration.ofDays(30),
				new PaymentProperties.Simulated(URI.create("https://api.example.test/"),
						SimulatedPaymentProvider.LOCAL_ONLY_SECRET),
				stripe);
	}

}
