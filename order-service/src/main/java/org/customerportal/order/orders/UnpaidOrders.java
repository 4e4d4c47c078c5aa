package org.customerportal.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.OrderEvents.OrderPaymentReminder;
import org.customerportal.platform.jobs.DueJob;
import org.customerportal.platform.jobs.DueJob.Claimed;
import org.customerportal.platform.jobs.DueJobs;
import org.customerportal.platform.jobs.DueTable;
import org.customerportal.platform.jobs.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wire transfer and check orders that are never paid: a reminder to the contacts some days before the
 * due date, then {@code order.cancelled} with reason EXPIRED. A durable job of the platform on the
 * {@code orders} table: several instances may run it, each due order is handled by one of them, in a
 * transaction of its own that locks the order, so a payment confirmed meanwhile (which locks it too)
 * either comes first or finds it cancelled.
 */
// Enabled here, not on the application class: the root package depends on no feature package.
@Component
@EnableConfigurationProperties({ UnpaidOrderProperties.class, UnpaidOrderJobProperties.class })
class UnpaidOrders {

	private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);

	/** Due for the reminder or for expiry. */
	static final DueTable DUE = DueTable.of("orders", "id", """
			status = 'PENDING_PAYMENT' and payment_due_by is not null
			and (payment_due_by <= :now
			     or (payment_reminder_sent_at is null and payment_due_by - make_interval(days => :days) <= :now))""")
		.withColumnPrefix("payment_check_");

	private final OrderRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final UnpaidOrderProperties properties;

	private final Clock clock;

	private final DueJob<Void> job;

	UnpaidOrders(OrderRepository repository, ApplicationEventPublisher events, TransactionTemplate transactions,
			UnpaidOrderProperties properties, UnpaidOrderJobProperties jobProperties, Clock clock, DueJobs jobs) {
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.job = jobs.<Void>define("unpaid-orders", DUE, jobProperties.job())
			.orderBy("payment_due_by")
			.parameters(now -> Map.of("days", properties.reminderDaysBefore()))
			.workEach(this::handle)
			.schedule();
	}

	/** Handles every order due now (tests). */
	DueJob.Run run() {
		return job.runDue();
	}

	private Outcome handle(Claimed<Void> claimed) {
		UUID id = (UUID) claimed.key();
		try {
			transactions.executeWithoutResult(status -> {
				Instant now = clock.instant();
				Order order = repository.findLockedById(id).orElseThrow();
				if (order.expire(now)) {
					order = repository.save(order);
					events.publishEvent(OrderCancelled.of(order));
					log.info("Unpaid order {} expired", id);
				}
				else if (order.paymentReminderDue(now, properties.reminderBefore())) {
					order.paymentReminderSent(now);
					order = repository.save(order);
					events.publishEvent(OrderPaymentReminder.of(order, now));
					log.info("Contacts of unpaid order {} reminded to pay", id);
				}
			});
			return Outcome.done();
		}
		catch (RuntimeException ex) {
			return Outcome.failed(ex);
		}
	}

}
