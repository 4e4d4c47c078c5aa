package org.customerportal.license.validation;

import java.time.LocalDate;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.customerportal.license.licenses.LicenseChanged;
import org.customerportal.license.licenses.LicenseStatus;
import org.customerportal.license.licenses.LicenseType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Licence terms by key, in memory and bounded in size, so validation rarely touches the database. Unknown
 * keys are cached too (as {@link LicenseTerms#UNKNOWN}), so guessing keys costs the database nothing after
 * the first try; the cache's frequency-based admission keeps such one-off keys from pushing out the
 * licences products ask about all the time. Every change this service makes to a licence evicts its key
 * after commit, and the next validation reads it again.
 * <p>
 * The status of a known key is not trusted from memory: {@link #current} reads it from the database on
 * every call (one primary-key lookup), so a licence revoked through any instance answers REVOKED at once
 * on every instance, not after {@code cacheExpireAfterWrite}.
 */
@Component
class ValidationCache {

	private final LoadingCache<String, LicenseTerms> cache;

	private final JdbcClient jdbc;

	ValidationCache(JdbcClient jdbc, ValidationProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cacheMaximumSize())
			.expireAfterWrite(properties.cacheExpireAfterWrite())
			.recordStats()
			.build(key -> load(jdbc, key));
		meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, "license-validation"));
	}

	LicenseTerms get(String licenseKey) {
		return cache.get(licenseKey);
	}

	/**
	 * The terms of a key with the licence's status as the database has it now; an entry whose status
	 * changed elsewhere is read again whole.
	 */
	LicenseTerms current(String licenseKey) {
		LicenseTerms cached = cache.get(licenseKey);
		if (!cached.exists()) {
			return cached;
		}
		LicenseStatus status = jdbc.sql("select status from license where id = ?")
			.param(cached.licenseId())
			.query((rs, n) -> LicenseStatus.valueOf(rs.getString(1)))
			.optional()
			.orElse(null);
		if (status == cached.status()) {
			return cached;
		}
		cache.invalidate(licenseKey);
		return cache.get(licenseKey);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(LicenseChanged changed) {
		evict(changed.licenseKey());
	}

	void evict(String licenseKey) {
		cache.invalidate(licenseKey);
	}

	long size() {
		return cache.estimatedSize();
	}

	private static LicenseTerms load(JdbcClient jdbc, String key) {
		return jdbc.sql("""
				select id, product, type, product_version, status, expires_at, maintenance_expires_at
				from license where license_key = ?
				""")
			.param(key)
			.query((rs, n) -> new LicenseTerms(rs.getObject(1, UUID.class), rs.getString(2),
					LicenseType.valueOf(rs.getString(3)), rs.getInt(4), LicenseStatus.valueOf(rs.getString(5)),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
			.optional()
			.orElse(LicenseTerms.UNKNOWN);
	}

}
