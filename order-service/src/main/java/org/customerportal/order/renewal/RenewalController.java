package org.customerportal.order.renewal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.idempotency.Idempotency;
import org.customerportal.order.orders.OrderView;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Renewals and upgrades", description = "Orders that renew licenses, add quota to one, or buy an upgrade to a newer version.")
class RenewalController {

	private final Renewals renewals;

	private final Idempotency idempotency;

	RenewalController(Renewals renewals, Idempotency idempotency) {
		this.renewals = renewals;
		this.idempotency = idempotency;
	}

	@PostMapping("/api/renewals")
	@Operation(summary = "Renew Now / Renew Selected: one RENEWAL order with a line per licence",
			description = "One RENEWAL order for one license or many, a line per license: a year's license for an annual "
					+ "license, a year's maintenance for a perpetual one. The caller must be a contact of each "
					+ "license's order.")
	ResponseEntity<OrderView> renew(@Valid @RequestBody RenewLicenses request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return idempotency.execute(idempotencyKey, caller, "POST /api/renewals", request, OrderView.class,
				() -> created(renewals.renew(request.licenseIds(), request.paymentMethod(), caller)));
	}

	@PostMapping("/api/quota-orders")
	@Operation(summary = "Add Quota: a QUOTA_EXPANSION order for one licence",
			description = "A QUOTA_EXPANSION order that adds `additionalQuota` units (more than 0) to the license once it "
					+ "is paid. The caller must be a contact of the license's order.")
	ResponseEntity<OrderView> expandQuota(@Valid @RequestBody ExpandQuota request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return idempotency.execute(idempotencyKey, caller, "POST /api/quota-orders", request, OrderView.class,
				() -> created(renewals.expandQuota(request.licenseId(), request.additionalQuota(),
						request.paymentMethod(), caller)));
	}

	@PostMapping("/api/upgrade-orders")
	@Operation(summary = "Buy Upgrade: an UPGRADE order to the newest version for a licence not eligible for a free upgrade; 422 with the reason otherwise",
			description = "For a license refused a free upgrade (for example a perpetual license whose maintenance ended): "
					+ "an UPGRADE order at the product's upgrade price. A license that may be upgraded for free "
					+ "answers 422 with the reason.")
	ResponseEntity<OrderView> upgrade(@Valid @RequestBody UpgradeLicense request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return idempotency.execute(idempotencyKey, caller, "POST /api/upgrade-orders", request, OrderView.class,
				() -> created(renewals.upgrade(request.licenseId(), request.paymentMethod(), caller)));
	}

	private static ResponseEntity<OrderView> created(OrderView order) {
		return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
	}

	record RenewLicenses(@NotEmpty @Size(max = 100) List<@NotNull UUID> licenseIds, PaymentMethod paymentMethod) {
	}

	record UpgradeLicense(@NotNull UUID licenseId, PaymentMethod paymentMethod) {
	}

	record ExpandQuota(@NotNull UUID licenseId, @NotNull @Positive @Max(1_000_000) Integer additionalQuota,
			PaymentMethod paymentMethod) {
	}

}
