package org.customerportal.order.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.jobs.DueJob;
import org.customerportal.platform.jobs.DueJobs;
import org.customerportal.platform.jobs.DueTable;
import org.customerportal.platform.jobs.Outcome;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Asks the provider again about payments it has not answered for {@code reconcile-after} (a timeout, a
 * failure, a crash between asking and recording): the provider answers for the payment id without
 * opening a second payment, and the payment gets its page, instructions or refusal as if it had answered
 * at once. A durable job of the platform on the {@code payment} table: several instances may run it,
 * each payment is asked about by one at a time; a provider that still gives no answer is asked again
 * {@code reconcile-after} later, a reconciliation that fails is retried with the back-off.
 */
@Component
@EnableConfigurationProperties(PaymentReconcileProperties.class)
class PaymentReconciler {

	static final DueTable IN_FLIGHT = DueTable
		.of("payment", "id", "status = 'PENDING' and provider_reference is null and provider_asked_at < :askedBefore")
		.withColumnPrefix("reconcile_");

	private final DueJob<Void> job;

	PaymentReconciler(Payments payments, PaymentReconcileProperties properties, Clock clock, DueJobs jobs) {
		this.job = jobs.<Void>define("payment-reconciliation", IN_FLIGHT, properties.job())
			.orderBy("provider_asked_at")
			.parameters(now -> Map.of("askedBefore", Timestamp.from(now.minus(properties.reconcileAfter()))))
			.workEach(payment -> {
				try {
					payments.reconcile((UUID) payment.key(), askedBefore(clock, properties));
					return Outcome.done();
				}
				catch (RuntimeException ex) {
					return Outcome.failed(ex);
				}
			})
			.schedule();
	}

	private static Instant askedBefore(Clock clock, PaymentReconcileProperties properties) {
		return clock.instant().minus(properties.reconcileAfter());
	}

	/** Reconciles every payment due now (tests). */
	DueJob.Run reconcile() {
		return job.runDue();
	}

}
