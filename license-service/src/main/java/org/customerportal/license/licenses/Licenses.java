package org.customerportal.license.licenses;

import java.util.List;

import org.customerportal.platform.events.IntegrationEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one write path for licences: saves the aggregate, records its events in the outbox in the same
 * transaction, and tells the {@link LicenseChangeListener}s once the transaction has committed (so a
 * cache never holds what a rolled-back transaction wrote).
 */
@Component
public class Licenses {

	private final LicenseRepository repository;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<LicenseChangeListener> listeners;

	Licenses(LicenseRepository repository, ApplicationEventPublisher events,
			ObjectProvider<LicenseChangeListener> listeners) {
		this.repository = repository;
		this.events = events;
		this.listeners = listeners;
	}

	public License save(License license, IntegrationEvent... published) {
		License saved = repository.save(license);
		for (IntegrationEvent event : published) {
			events.publishEvent(event);
		}
		changed(saved.licenseKey());
		return saved;
	}

	/** Tells the listeners about a change made outside {@link #save}, after the current transaction commits. */
	public void changed(String licenseKey) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					notifyListeners(licenseKey);
				}
			});
		}
		else {
			notifyListeners(licenseKey);
		}
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

	private void notifyListeners(String licenseKey) {
		List<LicenseChangeListener> all = listeners.orderedStream().toList();
		all.forEach(listener -> listener.licenseChanged(licenseKey));
	}

}
