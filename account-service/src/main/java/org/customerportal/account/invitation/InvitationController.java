package org.customerportal.account.invitation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.account.organization.OrganizationView;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invitations", description = "Inviting people into an organization by e-mail, and joining it with the invitation's token.")
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	record NewInvitation(@NotBlank @Email @Size(max = 254) String email) {
	}

	record Acceptance(@NotBlank @Size(max = 100) String token) {
	}

	@PostMapping("/api/organizations/{organizationId}/invitations")
	@Operation(summary = "Invite a person by e-mail (members only); the invitation expires after 14 days",
			description = "409 if the person is already a member or has a pending invitation.")
	ResponseEntity<InvitationView> invite(@PathVariable UUID organizationId, @Valid @RequestBody NewInvitation body,
			CurrentUser caller) {
		Invitation invitation = invitations.invite(organizationId, body.email(), caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(InvitationView.of(invitation));
	}

	@GetMapping("/api/organizations/{organizationId}/invitations")
	@Operation(summary = "Pending invitations, oldest first (members only)",
			description = "The organization's invitations that are neither accepted, withdrawn nor expired, oldest first. "
					+ "404 for anyone but its members.")
	PageResponse<InvitationView> pending(@PathVariable UUID organizationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		return invitations.pending(organizationId, caller, page, size);
	}

	@PostMapping("/api/organizations/{organizationId}/invitations/{invitationId}/resend")
	@Operation(summary = "Send a pending or expired invitation again, with a new link (members only)",
			description = "Answers the new invitation (a new id and token, valid 14 days); the old link opens nothing "
					+ "any more. 409 if it was accepted, resent or withdrawn already; counts towards the daily limit.")
	ResponseEntity<InvitationView> resend(@PathVariable UUID organizationId, @PathVariable UUID invitationId,
			CurrentUser caller) {
		Invitation invitation = invitations.resend(organizationId, invitationId, caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(InvitationView.of(invitation));
	}

	@DeleteMapping("/api/organizations/{organizationId}/invitations/{invitationId}")
	@Operation(summary = "Withdraw a pending invitation (members only); its link opens nothing any more",
			description = "409 if it was accepted, resent or withdrawn already.")
	ResponseEntity<Void> withdraw(@PathVariable UUID organizationId, @PathVariable UUID invitationId,
			CurrentUser caller) {
		invitations.withdraw(organizationId, invitationId, caller);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/invitations/{invitationId}")
	@Operation(summary = "An invitation as its link shows it: who invites, to which organization, and its status",
			description = "For anyone signed in who has the token from the invitation e-mail; 404 otherwise. "
					+ "Status PENDING, ACCEPTED, EXPIRED, REPLACED (resent with a new link) or WITHDRAWN.")
	Invitations.InvitationDetails details(@PathVariable UUID invitationId,
			@RequestParam @NotBlank @Size(max = 100) String token) {
		return invitations.details(invitationId, token);
	}

	@PostMapping("/api/invitations/{invitationId}/accept")
	@Operation(summary = "Join the organization with the token from the invitation e-mail",
			description = "The caller's verified e-mail must be the invited one (403); 409 if the caller belongs to "
					+ "another organization or the invitation was used; 410 if it has expired.")
	OrganizationView accept(@PathVariable UUID invitationId, @Valid @RequestBody Acceptance body,
			CurrentUser caller) {
		return OrganizationView.of(invitations.accept(invitationId, body.token(), caller));
	}

}
