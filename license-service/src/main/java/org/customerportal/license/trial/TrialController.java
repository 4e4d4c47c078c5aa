package org.customerportal.license.trial;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseResponse;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trials")
@Tag(name = "Trials", description = "30-day trial licenses and their extensions.")
class TrialController {

	private final Trials trials;

	private final Clock clock;

	TrialController(Trials trials, Clock clock) {
		this.trials = trials;
		this.clock = clock;
	}

	record TrialRequest(@NotBlank @Size(max = 100)
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a product code") String product) {
	}

	@PostMapping
	@Operation(summary = "A 30-day trial for the caller's organisation; 409 if one of the product is active",
			description = "Starts a 30-day trial license of the product for the caller's organization. 409 if the "
					+ "organization has an active trial of that product already.")
	ResponseEntity<LicenseResponse> start(CurrentUser user, @Valid @RequestBody TrialRequest request) {
		License trial = trials.start(user, request.product());
		return ResponseEntity.created(URI.create("/api/licenses/" + trial.id()))
			.body(LicenseResponse.of(trial, LocalDate.now(clock)));
	}

	@PostMapping("/{id}/extensions")
	@Operation(summary = "Extend a trial by 30 days; 422 after two extensions",
			description = "Adds 30 days to the trial. A trial may be extended twice; the third extension answers 422.")
	LicenseResponse extend(CurrentUser user, @PathVariable UUID id) {
		return LicenseResponse.of(trials.extend(user, id), LocalDate.now(clock));
	}

}
