package org.customerportal.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.OrderEvents.OrderPaymentReminder;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wire transfer and check orders that are never paid: a reminder to the contacts some days before the
 * due date, then {@code order.cancelled} with reason EXPIRED. Several instances may run it: each claims a
 * batch of due orders with {@code for update skip locked}, so an order is handled by one of them, and a
 * payment confirmed meanwhile (which locks the order too) either comes first or finds it cancelled.
 */
// Enabled here, not on the application class: the root package depends on no feature package.
@Component
@EnableConfigurationProperties(UnpaidOrderProperties.class)
class UnpaidOrders {

	private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);

	private static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final OrderRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final UnpaidOrderProperties properties;

	private final Clock clock;

	UnpaidOrders(JdbcClient jdbc, OrderRepository repository, ApplicationEventPublisher events,
			TransactionTemplate transactions, UnpaidOrderProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Result of one run: reminders sent and orders expired. */
	record Run(int reminded, int expired) {
	}

	@Scheduled(fixedDelayString = "${order.unpaid.check-interval:15m}",
			initialDelayString = "${order.unpaid.check-interval:15m}")
	void scheduled() {
		try {
			Run run = run();
			if (run.reminded() + run.expired() > 0) {
				log.info("Unpaid wire transfer and check orders: {} reminded, {} expired", run.reminded(), run.expired());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look at unpaid orders; trying again next round", ex);
		}
	}

	/** Handles every order due now, batch by batch. */
	Run run() {
		int reminded = 0;
		int expired = 0;
		Run batch;
		do {
			batch = transactions.execute(status -> batch(Instant.now(clock)));
			reminded += batch.reminded();
			expired += batch.expired();
		}
		while (batch.reminded() + batch.expired() == BATCH);
		return new Run(reminded, expired);
	}

	private Run batch(Instant now) {
		// due for the reminder or for expiry; rows another instance holds are left to it
		List<UUID> claimed = jdbc.sql("""
				select id from orders
				where status = 'PENDING_PAYMENT' and payment_due_by is not null
				  and (payment_due_by <= :now
				       or (payment_reminder_sent_at is null and payment_due_by - make_interval(days => :days) <= :now))
				order by payment_due_by
				limit :limit
				for update skip locked""")
			.param("now", Timestamps.of(now))
			.param("days", properties.reminderDaysBefore())
			.param("limit", BATCH)
			.query(UUID.class)
			.list();
		int reminded = 0;
		int expired = 0;
		for (UUID id : claimed) {
			Order order = repository.findById(id).orElseThrow();
			if (order.expire(now)) {
				order = repository.save(order);
				events.publishEvent(OrderCancelled.of(order));
				expired++;
			}
			else if (order.paymentReminderDue(now, properties.reminderBefore())) {
				order.paymentReminderSent(now);
				order = repository.save(order);
				events.publishEvent(OrderPaymentReminder.of(order, now));
				reminded++;
			}
		}
		return new Run(reminded, expired);
	}

}
