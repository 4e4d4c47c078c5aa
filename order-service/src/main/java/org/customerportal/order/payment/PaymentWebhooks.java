package org.customerportal.order.payment;

import java.time.Clock;
import java.time.Instant;

import org.customerportal.order.payment.PaymentProvider.Notification;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment provider's signed notifications (webhooks): verified by the provider's adapter
 * (signature and freshness: a notification signed more than {@code portal.order.payments.webhook-tolerance}
 * ago is refused as a replay), then applied once per provider event id, in the same transaction that
 * records the id. The simulated provider's test page delivers its notifications through here too.
 */
@Service
class PaymentWebhooks {

	private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

	private final PaymentProvider provider;

	private final Payments payments;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PaymentProperties properties;

	private final Clock clock;

	PaymentWebhooks(PaymentProvider provider, Payments payments, JdbcClient jdbc, TransactionTemplate transactions,
			PaymentProperties properties, Clock clock) {
		this.provider = provider;
		this.payments = payments;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param providerName the webhook path's provider; only the configured provider's are taken
	 * @throws PaymentProvider.InvalidNotificationException if the signature or freshness does not hold
	 * (nothing changes)
	 */
	void receive(String providerName, String payload, HttpHeaders headers) {
		if (!provider.name().equals(providerName)) {
			throw new NotFoundException("This service takes no notifications from that payment provider.");
		}
		Notification notification = provider.verify(payload, headers);
		transactions.executeWithoutResult(status -> {
			int fresh = jdbc.sql("""
					insert into payment_provider_event (provider, event_id, type, payment_id, received_at)
					values (?, ?, ?, ?, ?) on conflict do nothing
					""")
				.params(providerName, notification.eventId(), notification.type(), notification.paymentId(),
						Timestamps.now(clock))
				.update();
			if (fresh == 0) {
				log.info("Notification {} ({}) from {} was applied before: skipped", notification.eventId(),
						notification.type(), providerName);
				return;
			}
			payments.apply(notification);
		});
	}

	/** Forgets applied notifications older than the retention (providers stop retrying long before). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldEvents() {
		jdbc.sql("delete from payment_provider_event where received_at < ?")
			.param(Timestamps.of(Instant.now(clock).minus(properties.webhookEventRetention())))
			.update();
	}

}
