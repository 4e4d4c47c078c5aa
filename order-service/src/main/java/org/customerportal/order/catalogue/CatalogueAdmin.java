package org.customerportal.order.catalogue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.catalogue.CatalogueAudit.SubjectType;
import org.customerportal.order.catalogue.CatalogueEvents.Price;
import org.customerportal.order.catalogue.CatalogueEvents.PriceListChanged;
import org.customerportal.order.catalogue.CatalogueEvents.ProductChanged;
import org.customerportal.order.catalogue.CatalogueEvents.ProductReleased;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.InvalidFieldException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.problem.PortalException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.time.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue by the vendor's sales (or support) staff: products, their releases and the
 * price lists. Each change checks the version the caller saw (optimistic locking), is written to the
 * audit trail and announced on {@code portal.catalog.events}, all in one transaction.
 */
@Service
class CatalogueAdmin {

	static final String STAFF_ONLY = "Only the vendor's sales and support staff can change the catalogue.";

	private final JdbcClient jdbc;

	private final Catalogue catalogue;

	private final CatalogueAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogueAdmin(JdbcClient jdbc, Catalogue catalogue, CatalogueAudit audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	record ProductFields(String name, String quotaUnit, Set<LicenseType> licenseTypes) {
	}

	/** One product's prices in a price list, per quota unit; null where the product is not sold so. */
	record PriceFields(String product, BigDecimal annualUnitPrice, BigDecimal perpetualUnitPrice,
			BigDecimal maintenanceUnitPrice, BigDecimal upgradeUnitPrice) {
	}

	record PriceList(String currency, long version, Instant updatedAt, String updatedBy, List<Price> prices) {
	}

	static void requireStaff(CurrentUser caller) {
		requireStaff(caller, STAFF_ONLY);
	}

	/** Sales staff, or support, who keep their rights; 403 with the refusal otherwise. */
	static void requireStaff(CurrentUser caller, String refusal) {
		if (!caller.isSales() && !caller.isSupport()) {
			throw new ForbiddenException(refusal);
		}
	}

	/** A new product and its first major version, released on the given day. */
	@Transactional
	ProductDefinition create(String code, ProductFields fields, int firstVersion, LocalDate releasedOn,
			CurrentUser caller) {
		requireStaff(caller);
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into product (code, name, quota_unit, current_version, sold_annual, sold_perpetual, version,
					                     updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, 0, ?, ?)
					""")
				.params(code, fields.name(), fields.quotaUnit(), firstVersion,
						fields.licenseTypes().contains(LicenseType.ANNUAL),
						fields.licenseTypes().contains(LicenseType.PERPETUAL), Timestamps.of(now), caller.subject())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("There is already a product " + code + " in the catalogue; change it instead.");
		}
		ProductDefinition product = definition(code);
		audit.record(now, caller.subject(), SubjectType.PRODUCT, code, "CREATED", product);
		events.publishEvent(ProductChanged.of(product));
		released(product, firstVersion, releasedOn, now, caller);
		return product;
	}

	/** Changes a product the caller saw at {@code expectedVersion}; 412 if it changed since. */
	@Transactional
	ProductDefinition change(String code, long expectedVersion, ProductFields fields, CurrentUser caller) {
		requireStaff(caller);
		Instant now = clock.instant();
		int rows = jdbc.sql("""
				update product set name = ?, quota_unit = ?, sold_annual = ?, sold_perpetual = ?, version = version + 1,
				                   updated_at = ?, updated_by = ?
				where code = ? and version = ?
				""")
			.params(fields.name(), fields.quotaUnit(), fields.licenseTypes().contains(LicenseType.ANNUAL),
					fields.licenseTypes().contains(LicenseType.PERPETUAL), Timestamps.of(now), caller.subject(), code,
					expectedVersion)
			.update();
		if (rows == 0) {
			definition(code); // 404 if there is no such product
			throw stale("product " + code);
		}
		ProductDefinition product = definition(code);
		audit.record(now, caller.subject(), SubjectType.PRODUCT, code, "CHANGED", product);
		events.publishEvent(ProductChanged.of(product));
		return product;
	}

	/** Publishes a newer major version: it becomes what trials start on and upgrades go to. */
	@Transactional
	ProductDefinition release(String code, int majorVersion, LocalDate releasedOn, CurrentUser caller) {
		requireStaff(caller);
		// the row lock orders concurrent releases of one product
		jdbc.sql("select code from product where code = ? for update").param(code).query(String.class).optional();
		ProductDefinition product = definition(code);
		if (majorVersion <= product.currentVersion()) {
			throw new ConflictException("Version " + majorVersion + " of " + product.name()
					+ " is not newer than its current version " + product.currentVersion()
					+ "; release a higher major version.");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update product set current_version = ?, version = version + 1, updated_at = ?, updated_by = ?
				where code = ?
				""").params(majorVersion, Timestamps.of(now), caller.subject(), code).update();
		released(product, majorVersion, releasedOn, now, caller);
		return definition(code);
	}

	List<Release> releases(String code) {
		definition(code);
		return jdbc.sql("""
				select major_version, released_on, released_by, released_at from product_release
				where product = ? order by major_version desc
				""")
			.param(code)
			.query((rs, row) -> new Release(rs.getInt("major_version"), rs.getObject("released_on", LocalDate.class),
					rs.getString("released_by"), rs.getTimestamp("released_at").toInstant()))
			.list();
	}

	record Release(int majorVersion, LocalDate releasedOn, String releasedBy, Instant releasedAt) {
	}

	private void released(ProductDefinition product, int majorVersion, LocalDate releasedOn, Instant now,
			CurrentUser caller) {
		LocalDate on = releasedOn != null ? releasedOn : LocalDate.ofInstant(now, clock.getZone());
		jdbc.sql("""
				insert into product_release (product, major_version, released_on, released_by, released_at)
				values (?, ?, ?, ?, ?)
				""").params(product.code(), majorVersion, on, caller.subject(), Timestamps.of(now)).update();
		audit.record(now, caller.subject(), SubjectType.RELEASE, product.code() + " " + majorVersion, "RELEASED",
				Map.of("product", product.code(), "majorVersion", majorVersion, "releasedOn", on.toString()));
		events.publishEvent(new ProductReleased(IntegrationEvent.newEventId(), now,
				product.code(), product.name(), majorVersion, on, caller.subject()));
	}

	List<PriceList> priceLists() {
		return jdbc.sql("select currency from price_list order by currency")
			.query(String.class)
			.list()
			.stream()
			.map(this::priceList)
			.toList();
	}

	PriceList priceList(String currency) {
		record Head(long version, Instant updatedAt, String updatedBy) {
		}
		Head head = jdbc.sql("select version, updated_at, updated_by from price_list where currency = ?")
			.param(currency)
			.query((rs, row) -> new Head(rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("updated_by")))
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no price list in " + currency + "."));
		List<Price> prices = jdbc.sql("""
				select product, annual_unit_price, perpetual_unit_price, maintenance_unit_price, upgrade_unit_price
				from price where currency = ? order by product
				""")
			.param(currency)
			.query((rs, row) -> new Price(rs.getString("product"), money(rs.getBigDecimal("annual_unit_price"), currency),
					money(rs.getBigDecimal("perpetual_unit_price"), currency),
					money(rs.getBigDecimal("maintenance_unit_price"), currency),
					money(rs.getBigDecimal("upgrade_unit_price"), currency)))
			.list();
		return new PriceList(currency, head.version(), head.updatedAt(), head.updatedBy(), prices);
	}

	/**
	 * Replaces a currency's prices. {@code expectedVersion} is the version the caller saw, or null to create
	 * the list; a list that exists needs it (428), and it must still be current (412).
	 */
	@Transactional
	PriceList putPriceList(String currency, Long expectedVersion, List<PriceFields> prices, CurrentUser caller) {
		requireStaff(caller);
		validate(prices);
		Instant now = clock.instant();
		Long current = jdbc.sql("select version from price_list where currency = ? for update")
			.param(currency)
			.query(Long.class)
			.optional()
			.orElse(null);
		String action;
		if (current == null) {
			requireCurrencyWithCents(currency);
			if (expectedVersion != null) {
				throw new NotFoundException("There is no price list in " + currency + "; create it without If-Match.");
			}
			try {
				jdbc.sql("insert into price_list (currency, version, updated_at, updated_by) values (?, 0, ?, ?)")
					.params(currency, Timestamps.of(now), caller.subject())
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("Someone created the price list in " + currency
						+ " at the same moment. Reload it and make your change again.");
			}
			action = "CREATED";
		}
		else {
			if (expectedVersion == null) {
				throw preconditionRequired("price list in " + currency);
			}
			if (expectedVersion != current) {
				throw stale("price list in " + currency);
			}
			jdbc.sql("update price_list set version = version + 1, updated_at = ?, updated_by = ? where currency = ?")
				.params(Timestamps.of(now), caller.subject(), currency)
				.update();
			jdbc.sql("delete from price where currency = ?").param(currency).update();
			action = "CHANGED";
		}
		for (PriceFields price : prices) {
			jdbc.sql("""
					insert into price (currency, product, annual_unit_price, perpetual_unit_price, maintenance_unit_price,
					                   upgrade_unit_price)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(currency, price.product(), price.annualUnitPrice(), price.perpetualUnitPrice(),
						price.maintenanceUnitPrice(), price.upgradeUnitPrice())
				.update();
		}
		PriceList list = priceList(currency);
		audit.record(now, caller.subject(), SubjectType.PRICE_LIST, currency, action, list);
		events.publishEvent(new PriceListChanged(IntegrationEvent.newEventId(), now,
				currency, list.version(), list.prices(), caller.subject()));
		return list;
	}

	/** An ISO 4217 currency counted in hundredths, as Money and the payment provider count it. */
	private static void requireCurrencyWithCents(String currency) {
		try {
			if (java.util.Currency.getInstance(currency).getDefaultFractionDigits() == 2) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// not an ISO 4217 code
		}
		throw new InvalidFieldException("currency", "must be an ISO 4217 currency with cents, e.g. CHF");
	}

	/** Each product once, in the catalogue, with a price for each licence type it is sold as. */
	private void validate(List<PriceFields> prices) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < prices.size(); i++) {
			PriceFields price = prices.get(i);
			String field = "prices[" + i + "].";
			if (!seen.add(price.product())) {
				throw new InvalidFieldException(field + "product", "is listed twice");
			}
			ProductDefinition product = catalogue.definition(price.product())
				.orElseThrow(() -> new InvalidFieldException(field + "product", "is not a product of the catalogue"));
			requirePrice(product.soldAs(LicenseType.ANNUAL), price.annualUnitPrice(), field + "annualUnitPrice",
					product, "an annual licence");
			requirePrice(product.soldAs(LicenseType.PERPETUAL), price.perpetualUnitPrice(),
					field + "perpetualUnitPrice", product, "a perpetual licence");
			requirePrice(product.soldAs(LicenseType.PERPETUAL), price.maintenanceUnitPrice(),
					field + "maintenanceUnitPrice", product, "a perpetual licence");
			if (!product.soldAs(LicenseType.PERPETUAL) && price.upgradeUnitPrice() != null) {
				throw new InvalidFieldException(field + "upgradeUnitPrice",
						"must be empty: " + product.name() + " is not sold as a perpetual licence");
			}
		}
	}

	private static void requirePrice(boolean sold, BigDecimal amount, String field, ProductDefinition product,
			String type) {
		if (sold && amount == null) {
			throw new InvalidFieldException(field, "is required: " + product.name() + " is sold as " + type);
		}
		if (!sold && amount != null) {
			throw new InvalidFieldException(field, "must be empty: " + product.name() + " is not sold as " + type);
		}
	}

	private ProductDefinition definition(String code) {
		return catalogue.definition(code).orElseThrow(() -> productNotFound(code));
	}

	private static NotFoundException productNotFound(String code) {
		return new NotFoundException("There is no product " + code + " in the catalogue.");
	}

	static PortalException stale(String what) {
		return new PortalException(HttpStatus.PRECONDITION_FAILED, "Someone changed the " + what
				+ " since you loaded it. Reload it, check their change and make yours again.");
	}

	static PortalException preconditionRequired(String what) {
		return new PortalException(HttpStatus.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the " + what
				+ " you changed, so that nobody else's change is overwritten.");
	}

	private static Money money(BigDecimal amount, String currency) {
		return amount == null ? null : new Money(amount, currency);
	}

}
