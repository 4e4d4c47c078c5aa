package org.customerportal.license.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseIssued;
import org.customerportal.license.licenses.LicenseQuotaIncreased;
import org.customerportal.license.licenses.LicenseRenewed;
import org.customerportal.license.licenses.LicenseType;
import org.customerportal.license.licenses.LicenseUpgraded;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.license.licenses.ProductReleases;
import org.customerportal.license.orders.OrderEvents.OrderLine;
import org.customerportal.license.orders.OrderEvents.OrderPaid;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a paid order to licences: a new purchase issues one licence per line; a renewal extends each
 * licence by a year from the later of its current end and the payment date; a quota expansion adds quota;
 * an upgrade order moves the licence to the version bought. Each order line is applied once, even if the
 * order is delivered again.
 */
@Component
class OrderFulfilment {

	private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

	private final Licenses licenses;

	private final ProductReleases releases;

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderFulfilment(Licenses licenses, ProductReleases releases, JdbcClient jdbc,
			Clock clock) {
		this.licenses = licenses;
		this.releases = releases;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs inside the inbox transaction of the {@code order.paid} event. */
	void fulfil(OrderPaid order) {
		Instant now = clock.instant();
		LocalDate paidOn = LocalDate.ofInstant(order.paidAt() != null ? order.paidAt() : now, ZoneOffset.UTC);
		List<OrderLine> lines = order.lines() == null ? List.of() : order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			UUID lineId = line.lineId() != null ? line.lineId()
					: UUID.nameUUIDFromBytes((order.orderId() + "#" + i).getBytes(StandardCharsets.UTF_8));
			if (line.product() != null && line.productVersion() != null) {
				releases.seen(line.product(), line.productVersion());
			}
			switch (String.valueOf(order.type())) {
				case "NEW_PURCHASE" -> issue(order, lineId, line, paidOn, now);
				case "RENEWAL" -> renew(order, lineId, line, paidOn, now);
				case "QUOTA_EXPANSION" -> expand(order, lineId, line, now);
				case "UPGRADE" -> upgrade(order, lineId, line, now);
				default -> log.warn("Paid order {} has type {}, which issues no licence", order.orderId(), order.type());
			}
		}
	}

	private void issue(OrderPaid order, UUID lineId, OrderLine line, LocalDate paidOn, Instant now) {
		LicenseType type = LicenseType.valueOf(line.licenseType());
		int version = line.productVersion() != null ? line.productVersion()
				: releases.latestVersion(line.product()).orElse(1);
		License license = License.purchased(order.organizationId(), order.orderId(), line.product(), type, version,
				line.quota(), paidOn, now);
		if (claim(order.orderId(), lineId, license.id(), now)) {
			licenses.save(license, LicenseIssued.of(license, now));
		}
	}

	private void renew(OrderPaid order, UUID lineId, OrderLine line, LocalDate paidOn, Instant now) {
		License license = licenseOf(order, line);
		if (claim(order.orderId(), lineId, license.id(), now)) {
			license.renew(paidOn);
			licenses.save(license, LicenseRenewed.of(license, order.orderId(), now));
		}
	}

	private void expand(OrderPaid order, UUID lineId, OrderLine line, Instant now) {
		License license = licenseOf(order, line);
		if (claim(order.orderId(), lineId, license.id(), now)) {
			license.addQuota(line.quota());
			licenses.save(license, LicenseQuotaIncreased.of(license, order.orderId(), line.quota(), now));
		}
	}

	private void upgrade(OrderPaid order, UUID lineId, OrderLine line, Instant now) {
		License license = licenseOf(order, line);
		if (claim(order.orderId(), lineId, license.id(), now) && line.productVersion() != null) {
			int from = license.productVersion();
			if (license.upgradedByOrder(line.productVersion())) {
				licenses.save(license, LicenseUpgraded.of(license, from, now));
			}
		}
	}

	private License licenseOf(OrderPaid order, OrderLine line) {
		if (line.licenseId() == null) {
			throw new IllegalStateException(
					"A line of " + order.type() + " order " + order.orderId() + " names no licence");
		}
		License license = licenses.find(line.licenseId())
			.orElseThrow(() -> new IllegalStateException("Order " + order.orderId() + " names licence "
					+ line.licenseId() + ", which does not exist here (yet)"));
		if (!license.organizationId().equals(order.organizationId())) {
			throw new IllegalStateException("Order " + order.orderId() + " of organisation " + order.organizationId()
					+ " names licence " + license.id() + " of another organisation");
		}
		return license;
	}

	/** Records the order line as applied; false if it was applied before. */
	private boolean claim(UUID orderId, UUID lineId, UUID licenseId, Instant now) {
		boolean first = jdbc.sql("""
				insert into applied_order_line (order_id, line_id, license_id, applied_at) values (?, ?, ?, ?)
				on conflict do nothing
				""").params(orderId, lineId, licenseId, Timestamps.of(now)).update() == 1;
		if (!first) {
			log.info("Line {} of order {} was applied before; nothing changes", lineId, orderId);
		}
		return first;
	}

}
