package org.customerportal.license.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: what an installed product asks at run time (rate limited per client address at the gateway).
 */
@RestController
@RequestMapping(HotPathObservations.PATH)
@Tag(name = "Validation", description = "What an installed product asks at run time; public and rate limited.")
class ValidationController {

	private final LicenseValidation validation;

	private final HotPathObservations.ValidationMetrics metrics;

	ValidationController(LicenseValidation validation, HotPathObservations.ValidationMetrics metrics) {
		this.validation = validation;
		this.metrics = metrics;
	}

	/**
	 * @param deviceId when given, the device takes a unit of the licence's quota if it has none yet
	 */
	record ValidationRequest(@NotBlank @Size(max = 64) String key, @NotBlank @Size(max = 100) String product,
			@Size(max = 200) String deviceId) {
	}

	@PostMapping
	@SecurityRequirements
	@Operation(summary = "Public: is this key valid for this product (and, with a device id, activate the device)",
			description = "Answers whether the key is valid for the product, with a code (VALID, EXPIRED, NOT_FOUND, "
					+ "WRONG_PRODUCT, QUOTA_EXCEEDED, REVOKED) and the expiry. With a device id it also activates the "
					+ "device, using a unit of quota. Public and rate limited per client and per key.")
	ValidationResponse validate(@Valid @RequestBody ValidationRequest request) {
		long start = System.nanoTime();
		ValidationResponse answer = validation.validate(request.key(), request.product(), request.deviceId());
		metrics.record(answer.code(), start);
		return answer;
	}

}
