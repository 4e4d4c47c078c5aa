package org.customerportal.order.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.order.OrderServiceProperties;
import org.customerportal.order.catalogue.CatalogueAudit.SubjectType;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.InvalidFieldException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The currency each organisation pays in: chosen with its first order (the quote's currency, the
 * configured default if the customer asked for none), or set by support or sales. Its quotes, orders,
 * renewals and upgrades are priced from that currency's price list.
 */
@Component
public class Currencies {

	private final JdbcClient jdbc;

	private final Catalogue catalogue;

	private final CatalogueAudit audit;

	private final OrderServiceProperties properties;

	private final Clock clock;

	Currencies(JdbcClient jdbc, Catalogue catalogue, CatalogueAudit audit, OrderServiceProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** The organisation's currency, if it has ordered or support has set one. */
	public Optional<String> of(UUID organizationId) {
		return jdbc.sql("select currency from organization_currency where organization_id = ?")
			.param(organizationId)
			.query(String.class)
			.optional();
	}

	/** The currency of the person's organisation (a person belongs to one at most), if it has one. */
	public Optional<String> ofMember(String userId) {
		return jdbc.sql("""
				select c.currency from membership m join organization_currency c on c.organization_id = m.organization_id
				where m.user_id = ? limit 1
				""").param(userId).query(String.class).optional();
	}

	/** The currency the organisation pays in now: its own, else the default. */
	public String current(UUID organizationId) {
		return of(organizationId).orElse(properties.defaultCurrency());
	}

	/**
	 * The currency of a new quote: the organisation's own; before its first order the one asked for (in
	 * field {@code currency}) or the default. 400 without such a price list, 422 against the
	 * organisation's.
	 */
	public String forQuote(UUID organizationId, String requested) {
		Optional<String> own = of(organizationId);
		if (own.isPresent() && requested != null && !own.get().equals(requested)) {
			throw new BusinessRuleException("Your organization pays in " + own.get() + ", so its quotes are in "
					+ own.get() + ". Ask support if you need to pay in " + requested + ".");
		}
		String currency = own.orElse(requested != null ? requested : properties.defaultCurrency());
		if (!catalogue.hasPriceList(currency)) {
			throw new InvalidFieldException("currency", "has no price list; choose one of " + currencies());
		}
		return currency;
	}

	/**
	 * Records the currency of the organisation's first order; a later order in another currency (a quote
	 * from before support set a different one) is refused.
	 */
	public void ordering(UUID organizationId, String currency, String by) {
		jdbc.sql("""
				insert into organization_currency (organization_id, currency, set_at, set_by) values (?, ?, ?, ?)
				on conflict (organization_id) do nothing
				""").params(organizationId, currency, Timestamps.of(clock.instant()), by).update();
		String own = of(organizationId).orElseThrow();
		if (!own.equals(currency)) {
			throw new BusinessRuleException("This quote is in " + currency + " but your organization now pays in "
					+ own + ". Make a new quote.");
		}
	}

	/** Support or sales set the currency an organisation pays in from now on. */
	@Transactional
	public String set(UUID organizationId, String currency, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller,
				"Only the vendor's sales and support staff can change the currency an organization pays in.");
		if (!catalogue.hasPriceList(currency)) {
			throw new InvalidFieldException("currency", "has no price list; choose one of " + currencies());
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into organization_currency (organization_id, currency, set_at, set_by) values (?, ?, ?, ?)
				on conflict (organization_id) do update set currency = excluded.currency, set_at = excluded.set_at,
				                                            set_by = excluded.set_by
				""").params(organizationId, currency, Timestamps.of(now), caller.subject()).update();
		audit.record(now, caller.subject(), SubjectType.ORGANIZATION_CURRENCY, organizationId.toString(), "SET",
				Map.of("organizationId", organizationId.toString(), "currency", currency));
		return currency;
	}

	private String currencies() {
		return String.join(", ", jdbc.sql("select currency from price_list order by currency").query(String.class).list());
	}

}
