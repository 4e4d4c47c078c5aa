package org.customerportal.order.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * What order-service tells other services about the catalogue on {@code portal.catalog.events}: product
 * events keyed by product code, price-list events keyed by currency. Schemas under
 * {@code resources/events}, the AsyncAPI document {@code resources/asyncapi/catalog-events.yaml}.
 */
final class CatalogueEvents {

	static final String TOPIC = "portal.catalog.events";

	private CatalogueEvents() {
	}

	/** A product was created or changed; the state it has now. */
	@PortalEvent(topic = TOPIC, type = "portal.product.changed.v1")
	record ProductChanged(UUID eventId, Instant occurredAt, String product, String name, String quotaUnit,
			Set<LicenseType> licenseTypes, int currentVersion, long version, String changedBy)
			implements IntegrationEvent {

		static ProductChanged of(ProductDefinition product) {
			return new ProductChanged(IntegrationEvent.newEventId(), product.updatedAt(), product.code(), product.name(),
					product.quotaUnit(), product.licenseTypes(), product.currentVersion(), product.version(),
					product.updatedBy());
		}

		@Override
		public String subject() {
			return product;
		}

	}

	/** A new major version of a product came out (also a new product's first version). */
	@PortalEvent(topic = TOPIC, type = "portal.product.released.v1")
	record ProductReleased(UUID eventId, Instant occurredAt, String product, String productName, int majorVersion,
			LocalDate releasedOn, String releasedBy) implements IntegrationEvent {

		@Override
		public String subject() {
			return product;
		}

	}

	record Price(String product, Money annualUnitPrice, Money perpetualUnitPrice, Money maintenanceUnitPrice,
			Money upgradeUnitPrice) {
	}

	/** A currency's price list was created or changed; all its prices as they are now. */
	@PortalEvent(topic = TOPIC, type = "portal.price-list.changed.v1")
	record PriceListChanged(UUID eventId, Instant occurredAt, String currency, long version, List<Price> prices,
			String changedBy) implements IntegrationEvent {

		@Override
		public String subject() {
			return currency;
		}

	}

}
