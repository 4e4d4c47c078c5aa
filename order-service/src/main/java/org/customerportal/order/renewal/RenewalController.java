package org.customerportal.order.renewal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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
class RenewalController {

	private final Renewals renewals;

	private final Idempotency idempotency;

	RenewalController(Renewals renewals, Idempotency idempotency) {
		this.renewals = renewals;
		this.idempotency = idempotency;
	}

	@PostMapping("/api/renewals")
	@Operation(summary = "Renew Now / Renew Selected: one RENEWAL order with a line per licence")
	ResponseEntity<OrderView> renew(@Valid @RequestBody RenewLicenses request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return idempotency.execute(idempotencyKey, caller, "POST /api/renewals", request, OrderView.class,
				() -> created(renewals.renew(request.licenseIds(), request.paymentMethod(), caller)));
	}

	@PostMapping("/api/quota-orders")
	@Operation(summary = "Add Quota: a QUOTA_EXPANSION order for one licence")
	ResponseEntity<OrderView> expandQuota(@Valid @RequestBody ExpandQuota request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return idempotency.execute(idempotencyKey, caller, "POST /api/quota-orders", request, OrderView.class,
				() -> created(renewals.expandQuota(request.licenseId(), request.additionalQuota(),
						request.paymentMethod(), caller)));
	}

	@PostMapping("/api/upgrade-orders")
	@Operation(summary = "Buy Upgrade: an UPGRADE order to the newest version for a licence not eligible for a free upgrade; 422 with the reason otherwise")
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
