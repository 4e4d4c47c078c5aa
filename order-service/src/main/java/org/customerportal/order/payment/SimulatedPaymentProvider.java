package org.customerportal.order.payment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.customerportal.order.PaymentMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A payment provider that moves no money, for development, tests, trials and demos; active only when
 * {@code order.payments.provider} is {@code simulated}. Cards and PayPal settle at once, except:
 * <ul>
 * <li>the test card {@value #DECLINED_CARD} is always declined;</li>
 * <li>a card whose expiry month has passed is declined as expired.</li>
 * </ul>
 * Wire transfers and checks wait for support to confirm them.
 * <p>
 * Like a real provider it treats the payment id as an idempotency key: a charge repeated with the
 * same id answers what the first one did and charges nothing more, also when it comes without the
 * card's details (as the reconciler asks). It remembers the latest {@value #REMEMBERED} payments.
 */
@Component
@ConditionalOnProperty(name = "order.payments.provider", havingValue = "simulated")
class SimulatedPaymentProvider implements PaymentProvider {

	private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

	/** The documented test card number that is always declined. */
	static final String DECLINED_CARD = "4000000000000002";

	static final String DECLINED = "Your card was declined. Use another card or choose another payment method.";

	static final String EXPIRED = "Your card has expired. Use another card or choose another payment method.";

	static final String NOT_RECEIVED = "The payment did not reach our payment provider, and nothing was charged. "
			+ "Pay the order again.";

	static final int REMEMBERED = 10_000;

	private final Clock clock;

	private final Map<UUID, Result> charged = new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Result> eldest) {
			return size() > REMEMBERED;
		}
	};

	SimulatedPaymentProvider(Clock clock) {
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		log.warn("The simulated payment provider is active: card and PayPal payments are marked paid without any "
				+ "money moving. It is meant for trials and demos; a real provider plugs in through the "
				+ "PaymentProvider port (order.payments.provider, ORDER_PAYMENT_PROVIDER).");
	}

	@Override
	public synchronized Result charge(Charge charge) {
		Result earlier = charged.get(charge.paymentId());
		if (earlier != null) {
			return earlier;
		}
		if (charge.method() == PaymentMethod.CREDIT_CARD && charge.card() == null) {
			// asked about a card payment it never received: nothing to answer but that
			return new Declined(NOT_RECEIVED);
		}
		Result result = answer(charge);
		charged.put(charge.paymentId(), result);
		return result;
	}

	private Result answer(Charge charge) {
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
