package org.customerportal.order.renewal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.catalogue.Catalogue;
import org.customerportal.order.catalogue.Currencies;
import org.customerportal.order.catalogue.Product;
import org.customerportal.order.license.LicenseRecord;
import org.customerportal.order.license.Licenses;
import org.customerportal.order.membership.Member;
import org.customerportal.order.membership.Memberships;
import org.customerportal.order.orders.NewOrder;
import org.customerportal.order.orders.OrderType;
import org.customerportal.order.orders.OrderView;
import org.customerportal.order.orders.Orders;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders for licences the customer already has: renewing them ("Renew Now", "Renew Selected") and
 * adding quota ("Add Quota"), priced from the catalogue and the licence read model. The caller must
 * be a contact of each licence's order.
 */
@Service
class Renewals {

	private final Licenses licenses;

	private final Catalogue catalogue;

	private final Orders orders;

	private final Memberships memberships;

	private final Clock clock;

	private final Currencies currencies;

	Renewals(Licenses licenses, Catalogue catalogue, Orders orders, Memberships memberships, Clock clock,
			Currencies currencies) {
		this.licenses = licenses;
		this.catalogue = catalogue;
		this.currencies = currencies;
		this.orders = orders;
		this.memberships = memberships;
		this.clock = clock;
	}

	/**
	 * One RENEWAL order with a line per licence: a year's licence of its quota for an annual licence, a
	 * year's maintenance of its quota for a perpetual one.
	 */
	@Transactional
	OrderView renew(Collection<UUID> licenseIds, PaymentMethod paymentMethod, CurrentUser caller) {
		Set<UUID> ids = new LinkedHashSet<>(licenseIds);
		Map<UUID, LicenseRecord> found = licenses.findAll(ids)
			.stream()
			.collect(Collectors.toMap(LicenseRecord::licenseId, Function.identity()));
		List<LicenseRecord> renewed = new ArrayList<>();
		for (UUID id : ids) {
			LicenseRecord license = found.get(id);
			requireContact(license, caller);
			requireNotRevoked(license, "renewed");
			renewed.add(license);
		}
		UUID organizationId = renewed.get(0).organizationId();
		if (renewed.stream().anyMatch(license -> !license.organizationId().equals(organizationId))) {
			throw new BusinessRuleException(
					"These licences belong to different organizations. Renew each organization's licences in its own order.");
		}
		String currency = currencies.current(organizationId);
		List<NewOrder.Line> lines = new ArrayList<>();
		for (LicenseRecord license : renewed) {
			LicenseType type = purchasedType(license, "renewed");
			Product product = product(license, currency);
			Money unitPrice = product.renewalUnitPrice(type)
				.orElseThrow(() -> notSold(product, type, license));
			lines.add(line(license, product, type, license.quota(), unitPrice));
		}
		return place(organizationId, OrderType.RENEWAL, lines, currency, paymentMethod, caller);
	}

	/** A QUOTA_EXPANSION order: each added unit at the licence type's unit price. */
	@Transactional
	OrderView expandQuota(UUID licenseId, int additionalQuota, PaymentMethod paymentMethod, CurrentUser caller) {
		LicenseRecord license = licenses.find(licenseId).orElse(null);
		requireContact(license, caller);
		requireNotRevoked(license, "given more quota");
		LicenseType type = purchasedType(license, "expanded");
		LocalDate today = LocalDate.now(clock);
		if (type == LicenseType.ANNUAL && license.expiredOn(today)) {
			throw new BusinessRuleException("Licence " + license.licenseId() + " expired on " + license.expiresAt()
					+ ". Renew it before adding quota.");
		}
		String currency = currencies.current(license.organizationId());
		Product product = product(license, currency);
		Money unitPrice = product.unitPrice(type).orElseThrow(() -> notSold(product, type, license));
		return place(license.organizationId(), OrderType.QUOTA_EXPANSION,
				List.of(line(license, product, type, additionalQuota, unitPrice)), currency, paymentMethod, caller);
	}

	/**
	 * An UPGRADE order to the product's newest major version for a licence that may not be upgraded for
	 * free: a perpetual licence whose maintenance ended, at the price list's upgrade price per unit. A
	 * licence that may be upgraded for free, or an expired annual one (renewing it is the way), is refused
	 * with the reason.
	 */
	@Transactional
	OrderView upgrade(UUID licenseId, PaymentMethod paymentMethod, CurrentUser caller) {
		LicenseRecord license = licenses.find(licenseId).orElse(null);
		requireContact(license, caller);
		LicenseType type = purchasedType(license, "upgraded");
		LocalDate today = LocalDate.now(clock);
		if (type == LicenseType.ANNUAL) {
			throw new BusinessRuleException(license.expiredOn(today)
					? "Your annual licence expired on " + license.expiresAt() + ". Renew it to upgrade for free."
					: "Your annual licence is valid until " + license.expiresAt()
							+ ", so upgrades are free: upgrade it instead of buying an upgrade.");
		}
		if (license.maintenanceExpiresAt() != null && today.isBefore(license.maintenanceExpiresAt())) {
			throw new BusinessRuleException("Maintenance of your perpetual licence is valid until "
					+ license.maintenanceExpiresAt() + ", so upgrades are free: upgrade it instead of buying an upgrade.");
		}
		String currency = currencies.current(license.organizationId());
		Product product = product(license, currency);
		int from = license.productVersion() != null ? license.productVersion() : product.currentVersion();
		if (from >= product.currentVersion()) {
			throw new BusinessRuleException("This licence already covers version " + from + " of " + product.name()
					+ ", the newest release; there is nothing to upgrade to yet.");
		}
		Money unitPrice = product.upgradePrice()
			.orElseThrow(() -> new BusinessRuleException(product.name() + " has no upgrade price in " + currency
					+ ". Contact sales to upgrade licence " + license.licenseId() + "."));
		NewOrder.Line line = new NewOrder.Line(product.code(), product.name(), type, license.quota(),
				license.licenseId(), product.currentVersion(), unitPrice, unitPrice.times(license.quota()));
		return place(license.organizationId(), OrderType.UPGRADE, List.of(line), currency, paymentMethod, caller);
	}

	private OrderView place(UUID organizationId, OrderType type, List<NewOrder.Line> lines, String currency,
			PaymentMethod paymentMethod, CurrentUser caller) {
		Member member = memberships.member(organizationId, caller.subject()).orElseThrow(Renewals::licenseNotFound);
		return orders.place(new NewOrder(organizationId, null, type, lines, currency, paymentMethod, member.userId(),
				member.email()));
	}

	private static NewOrder.Line line(LicenseRecord license, Product product, LicenseType type, int quota,
			Money unitPrice) {
		int version = license.productVersion() != null ? license.productVersion() : product.currentVersion();
		return new NewOrder.Line(product.code(), product.name(), type, quota, license.licenseId(), version, unitPrice,
				unitPrice.times(quota));
	}

	private void requireContact(LicenseRecord license, CurrentUser caller) {
		if (license == null || license.orderId() == null || !orders.isContact(license.orderId(), caller.subject())) {
			throw licenseNotFound();
		}
	}

	private static void requireNotRevoked(LicenseRecord license, String what) {
		if (license.revoked()) {
			throw new BusinessRuleException("Licence " + license.licenseId() + " has been revoked and cannot be " + what
					+ ". Contact support.");
		}
	}

	private static LicenseType purchasedType(LicenseRecord license, String what) {
		return license.purchasedType()
			.orElseThrow(() -> new BusinessRuleException("Licence " + license.licenseId() + " is a " + license.type()
					+ " licence and cannot be " + what + ". Buy a licence instead."));
	}

	private Product product(LicenseRecord license, String currency) {
		return catalogue.product(license.product(), currency)
			.orElseThrow(() -> new BusinessRuleException("Licence " + license.licenseId() + " is for "
					+ license.product() + ", which is not sold in " + currency + ". Contact sales to extend it."));
	}

	private static BusinessRuleException notSold(Product product, LicenseType type, LicenseRecord license) {
		return new BusinessRuleException(product.name() + " is no longer sold as a " + type.name().toLowerCase()
				+ " licence, so licence " + license.licenseId() + " cannot be priced here. Contact sales to extend it.");
	}

	private static NotFoundException licenseNotFound() {
		return new NotFoundException(
				"There is no such licence, or you are not a contact of the order it came from. Ask a contact of that order to add you.");
	}

}
