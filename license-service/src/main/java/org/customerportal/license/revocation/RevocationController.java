package org.customerportal.license.revocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.license.licenses.LicenseResponse;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support revokes a licence with a reason, and reinstates it. Customers may not (403, like support on the
 * customers' own calls).
 */
@RestController
@RequestMapping("/api/licenses/{id}/revocation")
@Tag(name = "Revocation", description = "Revoking a license and reinstating it, by support.")
class RevocationController {

	static final String SUPPORT_ONLY = "Only support staff can revoke or reinstate a licence. "
			+ "Contact support if you think a licence should be revoked.";

	private final Revocations revocations;

	private final Clock clock;

	RevocationController(Revocations revocations, Clock clock) {
		this.revocations = revocations;
		this.clock = clock;
	}

	record RevocationRequest(@NotBlank @Size(max = 500) String reason) {
	}

	@PostMapping
	@Operation(summary = "Support: revoke a licence with a reason; it validates as REVOKED at once (409 if revoked already)",
			description = "Its key validates as REVOKED at once, activations and renewals are refused, and the order's "
					+ "contacts get a mail with the reason. 409 if it is revoked already. Support only.")
	LicenseResponse revoke(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RevocationRequest request) {
		requireSupport(user);
		return LicenseResponse.of(revocations.revoke(id, request.reason()), LocalDate.now(clock));
	}

	@DeleteMapping
	@Operation(summary = "Support: reinstate a revoked licence (409 if it is not revoked)",
			description = "Its key validates again as before. 409 if it is not revoked. Support only.")
	LicenseResponse reinstate(CurrentUser user, @PathVariable UUID id) {
		requireSupport(user);
		return LicenseResponse.of(revocations.reinstate(id), LocalDate.now(clock));
	}

	private static void requireSupport(CurrentUser user) {
		if (!user.isSupport()) {
			throw new ForbiddenException(SUPPORT_ONLY);
		}
	}

}
