package org.customerportal.order.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the provider again about payments it has not answered for {@code order.payments.reconcile-after}
 * (a timeout, a failure, a crash between asking and recording): the provider answers for the payment
 * id without opening a second payment, and the payment gets its page, instructions or refusal as if it
 * had answered at once.
 * Several instances may run it: each payment is asked about by one at a time.
 */
@Component
class PaymentReconciler {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);

	private static final int BATCH = 50;

	private final PaymentRepository repository;

	private final Payments payments;

	private final PaymentProperties properties;

	private final Clock clock;

	PaymentReconciler(PaymentRepository repository, Payments payments, PaymentProperties properties, Clock clock) {
		this.repository = repository;
		this.payments = payments;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${order.payments.reconcile-interval:30s}",
			initialDelayString = "${order.payments.reconcile-interval:30s}")
	void reconcile() {
		Instant askedBefore = Instant.now(clock).minus(properties.reconcileAfter());
		List<UUID> unanswered = repository.findInFlightAskedBefore(askedBefore, BATCH);
		for (UUID paymentId : unanswered) {
			try {
				payments.reconcile(paymentId, askedBefore);
			}
			catch (RuntimeException ex) {
				log.warn("Could not reconcile payment {}; trying again next round", paymentId, ex);
			}
		}
	}

}
