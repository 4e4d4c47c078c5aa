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

	Renewals(Licenses licenses, Catalogue catalogue, Orders orders, Memberships memberships, Clock clock) {
		this.licenses = licenses;
		this.catalogue = catalogue;
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
		List<NewOrder.Line> lines = new ArrayList<>();
		for (LicenseRecord license : renewed) {
			LicenseType type = purchasedType(license, "renewed");
			Product product = product(license);
			Money unitPrice = product.renewalUnitPrice(type)
				.orElseThrow(() -> notSold(product, type, license));
			lines.add(line(license, product, type, license.quota(), unitPrice));
		}
		return place(organizationId, OrderType.RENEWAL, lines, paymentMethod, caller);
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
		Product product = product(license);
		Money unitPrice = product.unitPrice(type).orElseThrow(() -> notSold(product, type, license));
		return place(license.organizationId(), OrderType.QUOTA_EXPANSION,
				List.of(line(license, product, type, additionalQuota, unitPrice)), paymentMethod, caller);
	}

	private OrderView place(UUID organizationId, OrderType type, List<NewOrder.Line> lines,
			PaymentMethod paymentMethod, CurrentUser caller) {
		Member member = memberships.member(organizationId, caller.subject()).orElseThrow(Renewals::licenseNotFound);
		return orders.place(new NewOrder(organizationId, null, type, lines, Money.USD, paymentMethod, member.userId(),
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

	private Product product(LicenseRecord license) {
		return catalogue.product(license.product())
			.orElseThrow(() -> new BusinessRuleException("Licence " + license.licenseId() + " is for "
					+ license.product() + ", which is no longer sold. Contact sales to extend it."));
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
