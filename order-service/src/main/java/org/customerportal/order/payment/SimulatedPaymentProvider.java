package org.customerportal.order.payment;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A payment provider that moves no money, for development, tests and demos. Cards and PayPal settle
 * at once, except:
 * <ul>
 * <li>the test card {@value #DECLINED_CARD} is always declined;</li>
 * <li>a card whose expiry month has passed is declined as expired.</li>
 * </ul>
 * Wire transfers and checks wait for support to confirm them.
 */
@Component
@ConditionalOnProperty(name = "order.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedPaymentProvider implements PaymentProvider {

	/** The documented test card number that is always declined. */
	static final String DECLINED_CARD = "4000000000000002";

	static final String DECLINED = "Your card was declined. Use another card or choose another payment method.";

	static final String EXPIRED = "Your card has expired. Use another card or choose another payment method.";

	private final Clock clock;

	SimulatedPaymentProvider(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Result charge(Charge charge) {
		String reference = "SIM-" + charge.paymentId();
		return switch (charge.method()) {
			case CREDIT_CARD -> card(charge.card(), reference);
			case PAYPAL -> new Settled(reference);
			case WIRE_TRANSFER -> new AwaitingConfirmation(reference(charge),
					"Transfer " + charge.amount() + " to our bank account quoting reference " + reference(charge)
							+ ". Your order is marked paid as soon as we receive it, usually within three business days.");
			case CHECK -> new AwaitingConfirmation(reference(charge),
					"Mail a check for " + charge.amount() + " with reference " + reference(charge)
							+ " written on it. Your order is marked paid as soon as the check clears.");
		};
	}

	private Result card(CardDetails card, String reference) {
		if (DECLINED_CARD.equals(card.digits())) {
			return new Declined(DECLINED);
		}
		if (YearMonth.of(card.expiryYear(), card.expiryMonth()).isBefore(YearMonth.now(clock))) {
			return new Declined(EXPIRED);
		}
		return new Settled(reference);
	}

	private static String reference(Charge charge) {
		return "ORD-" + charge.orderId().toString().substring(0, 8).toUpperCase();
	}

}
