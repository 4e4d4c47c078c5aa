package org.customerportal.license.licenses;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The one write path for licences: saves the aggregate, records its events in the outbox in the same
 * transaction, and publishes {@link LicenseChanged}, which caches handle after commit. Other packages
 * find licences here too: the repository is this package's own.
 */
@Component
public class Licenses {

	private final LicenseRepository repository;

	private final ApplicationEventPublisher events;

	Licenses(LicenseRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	public License save(License license, IntegrationEvent... published) {
		License saved = repository.save(license);
		for (IntegrationEvent event : published) {
			events.publishEvent(event);
		}
		events.publishEvent(new LicenseChanged(saved.licenseKey()));
		return saved;
	}

	/**
	 * Saves a change of the quota in use only: no event, not even {@link LicenseChanged}, as no cache holds it.
	 */
	public License saveQuotaUse(License license) {
		return repository.save(license);
	}

	public Optional<License> find(UUID id) {
		return repository.findById(id);
	}

	/** The licence with its row locked until the transaction ends. */
	public Optional<License> findLocked(UUID id) {
		return repository.findLockedById(id);
	}

	/** The company's running trial of a product, locked. */
	public Optional<License> findActiveTrialLocked(UUID organizationId, String product) {
		return repository.findActiveTrialLocked(organizationId, product);
	}

	/** The company's trials of one major version of a product, running or ended, oldest first. */
	public List<License> findTrialsOf(UUID organizationId, String product, int productVersion) {
		return repository.findTrialsOf(organizationId, product, productVersion);
	}

	/** A batch of licences past their end and still marked active, locked; rows another instance holds are skipped. */
	public List<License> lockEndedActive(LocalDate today, int limit) {
		return repository.lockEndedActive(today, limit);
	}

	/** Whether a save failed on a unique index (Spring Data JDBC wraps the driver's exception). */
	public static boolean causedByDuplicateKey(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}

}
