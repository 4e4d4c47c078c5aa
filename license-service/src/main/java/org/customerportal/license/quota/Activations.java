package org.customerportal.license.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.platform.time.Timestamps;
import org.customerportal.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices using a licence's quota. A new device takes the licence's row lock, so concurrent activations
 * are counted one after the other and the quota is never exceeded (the database's check constraint
 * guards it as well); the same device activating again changes nothing.
 */
@Component
public class Activations {

	private final JdbcClient jdbc;

	private final Licenses licenses;

	private final Clock clock;

	Activations(JdbcClient jdbc, Licenses licenses, Clock clock) {
		this.jdbc = jdbc;
		this.licenses = licenses;
		this.clock = clock;
	}

	public record Activation(UUID licenseId, String deviceId, Instant activatedAt) {
	}

	/** The outcome of activating a device, and the licence as it is afterwards. */
	public record Activated(Activation activation, boolean isNew, License license) {
	}

	/**
	 * Activates a device on a licence, or finds its activation. Throws a 422 problem when the quota is used up
	 * or the licence cannot be used.
	 */
	@Transactional
	public Activated activate(License license, String deviceId) {
		Optional<Activation> existing = find(license.id(), deviceId);
		if (existing.isPresent()) {
			return new Activated(existing.get(), false, license);
		}
		License locked = licenses.findLocked(license.id()).orElseThrow();
		existing = find(license.id(), deviceId); // another request may have activated it meanwhile
		if (existing.isPresent()) {
			return new Activated(existing.get(), false, locked);
		}
		locked.useQuotaUnit(LocalDate.now(clock));
		Instant now = clock.instant();
		jdbc.sql("insert into activation (license_id, device_id, activated_at) values (?, ?, ?)")
			.params(locked.id(), deviceId, Timestamps.of(now))
			.update();
		// quota use is not part of what validation caches, so this save needs no cache refresh
		License saved = licenses.saveQuotaUse(locked);
		return new Activated(new Activation(locked.id(), deviceId, now), true, saved);
	}

	/** Frees the device's unit of quota; false if the device was not activated. */
	@Transactional
	public boolean deactivate(UUID licenseId, String deviceId) {
		License locked = licenses.findLocked(licenseId).orElseThrow();
		boolean removed = jdbc.sql("delete from activation where license_id = ? and device_id = ?")
			.params(licenseId, deviceId)
			.update() == 1;
		if (removed) {
			locked.freeQuotaUnit();
			licenses.saveQuotaUse(locked);
		}
		return removed;
	}

	public boolean isActivated(UUID licenseId, String deviceId) {
		return find(licenseId, deviceId).isPresent();
	}

	/** One page of the devices using the licence's quota, in the order they were activated. */
	public PageResponse<Activation> of(UUID licenseId, int page, int size) {
		long total = jdbc.sql("select count(*) from activation where license_id = ?")
			.param(licenseId)
			.query(Long.class)
			.single();
		List<Activation> items = total == 0 ? List.of() : jdbc.sql("""
				select license_id, device_id, activated_at from activation where license_id = ?
				order by activated_at, device_id limit ? offset ?""")
			.params(licenseId, size, (long) page * size)
			.query((rs, n) -> new Activation(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
		return new PageResponse<>(items, page, size, total);
	}

	private Optional<Activation> find(UUID licenseId, String deviceId) {
		return jdbc.sql("select activated_at from activation where license_id = ? and device_id = ?")
			.params(licenseId, deviceId)
			.query((rs, n) -> new Activation(licenseId, deviceId, rs.getObject(1, OffsetDateTime.class).toInstant()))
			.optional();
	}

}
