package org.customerportal.order.license;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.order.license.LicenseEvents.LicenseExpired;
import org.customerportal.order.license.LicenseEvents.LicenseIssued;
import org.customerportal.order.license.LicenseEvents.LicenseQuotaIncreased;
import org.customerportal.order.license.LicenseEvents.LicenseReinstated;
import org.customerportal.order.license.LicenseEvents.LicenseRenewed;
import org.customerportal.order.license.LicenseEvents.LicenseRevoked;
import org.customerportal.order.license.LicenseEvents.LicenseUpgraded;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the licence read model from {@code portal.license.events}: issued licences, and the changes
 * that move their renewal and quota prices (renewal dates, quota, version), and revocations, which
 * stop renewals and quota orders. A licence's events share
 * its key, so they arrive in order.
 */
@Component
class LicenseEventsListener {

	static final String CONSUMER = "order-service.licenses";

	private static final Logger log = LoggerFactory.getLogger(LicenseEventsListener.class);

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EventHandlers handlers;

	LicenseEventsListener(Inbox inbox, JdbcClient jdbc, Clock clock) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.clock = clock;
		this.handlers = EventHandlers.builder()
			.on("portal.license.issued.v1", LicenseIssued.class, this::issued)
			.on("portal.license.renewed.v1", LicenseRenewed.class, this::renewed)
			.on("portal.license.quota-increased.v1", LicenseQuotaIncreased.class, this::quotaIncreased)
			.on("portal.license.upgraded.v1", LicenseUpgraded.class, this::upgraded)
			.on("portal.license.expired.v1", LicenseExpired.class, this::expired)
			.on("portal.license.revoked.v1", LicenseRevoked.class, this::revoked)
			.on("portal.license.reinstated.v1", LicenseReinstated.class, this::reinstated)
			.build();
	}

	@KafkaListener(topics = "portal.license.events")
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

	void issued(LicenseIssued event) {
		jdbc.sql("""
				insert into license (license_id, order_id, organization_id, product, type, product_version, quota,
				                     valid_from, expires_at, maintenance_expires_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (license_id) do nothing
				""")
			.params(event.licenseId(), event.orderId(), event.organizationId(), event.product(), event.type(),
					event.productVersion(), event.quota(), event.validFrom(), event.expiresAt(),
					event.maintenanceExpiresAt(), now())
			.update();
	}

	void renewed(LicenseRenewed event) {
		changed(event.licenseId(), jdbc.sql("""
				update license set expires_at = ?, maintenance_expires_at = ?, expired = false, updated_at = ?
				where license_id = ?
				""").params(event.expiresAt(), event.maintenanceExpiresAt(), now(), event.licenseId()).update());
	}

	void quotaIncreased(LicenseQuotaIncreased event) {
		changed(event.licenseId(), jdbc.sql("update license set quota = ?, updated_at = ? where license_id = ?")
			.params(event.quota(), now(), event.licenseId())
			.update());
	}

	void upgraded(LicenseUpgraded event) {
		changed(event.licenseId(), jdbc.sql("update license set product_version = ?, updated_at = ? where license_id = ?")
			.params(event.toVersion(), now(), event.licenseId())
			.update());
	}

	void expired(LicenseExpired event) {
		changed(event.licenseId(), jdbc.sql("update license set expired = true, updated_at = ? where license_id = ?")
			.params(now(), event.licenseId())
			.update());
	}

	void revoked(LicenseRevoked event) {
		changed(event.licenseId(), jdbc.sql("update license set revoked = true, updated_at = ? where license_id = ?")
			.params(now(), event.licenseId())
			.update());
	}

	void reinstated(LicenseReinstated event) {
		changed(event.licenseId(), jdbc.sql("update license set revoked = false, expired = ?, updated_at = ? where license_id = ?")
			.params("EXPIRED".equals(event.status()), now(), event.licenseId())
			.update());
	}

	private static void changed(Object licenseId, int rows) {
		if (rows == 0) {
			// Trials are not kept here, and their changes share these types.
			log.debug("No licence {} in the read model; change skipped", licenseId);
		}
	}

	private OffsetDateTime now() {
		return Timestamps.now(clock);
	}

}
