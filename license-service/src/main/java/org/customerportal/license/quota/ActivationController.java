package org.customerportal.license.quota;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quota use per device: activating takes one unit (again for the same device: nothing changes), freeing
 * gives it back.
 */
@RestController
@RequestMapping("/api/licenses/{id}/activations")
@Tag(name = "Quota", description = "Device activations, each using a unit of a license's quota.")
class ActivationController {

	private final LicenseAccess access;

	private final Activations activations;

	ActivationController(LicenseAccess access, Activations activations) {
		this.access = access;
		this.activations = activations;
	}

	record ActivationRequest(@NotBlank @Size(max = 200) String deviceId) {
	}

	record ActivationResponse(UUID licenseId, String deviceId, Instant activatedAt, int quota, int quotaUsed) {
	}

	record DeviceResponse(String deviceId, Instant activatedAt) {
	}

	@GetMapping
	@Operation(summary = "The devices using the licence's quota, in the order they were activated",
			description = "The devices that use a unit of the license's quota, in the order they were activated.")
	PageResponse<DeviceResponse> list(CurrentUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		access.visible(id, user);
		return activations.of(id, page, size).map(a -> new DeviceResponse(a.deviceId(), a.activatedAt()));
	}

	@PostMapping
	@Operation(summary = "Use one unit of quota for a device (201; 200 if it already was); 422 when the quota is used up",
			description = "Activating is idempotent per device: 201 for a new activation, 200 if the device is activated "
					+ "already. 422 when the quota is used up.")
	ResponseEntity<ActivationResponse> activate(CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody ActivationRequest request) {
		License license = access.changeable(id, user);
		Activations.Activated result = activations.activate(license, request.deviceId());
		ActivationResponse body = new ActivationResponse(id, request.deviceId(), result.activation().activatedAt(),
				result.license().quota(), result.license().quotaUsed());
		return ResponseEntity.status(result.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@DeleteMapping("/{deviceId}")
	@Operation(summary = "Free the device's unit of quota (204, also when it was not activated)",
			description = "Frees the device's unit of quota; answers 204 also when the device was not activated, so "
					+ "repeating it is harmless.")
	ResponseEntity<Void> deactivate(CurrentUser user, @PathVariable UUID id, @PathVariable String deviceId) {
		access.changeable(id, user);
		activations.deactivate(id, deviceId);
		return ResponseEntity.noContent().build();
	}

}
