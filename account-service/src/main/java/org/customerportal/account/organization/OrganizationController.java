package org.customerportal.account.organization;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations", description = "Company accounts: creating one, reading it and its members, removing members, assigning the "
		+ "primary contact.")
class OrganizationController {

	private final Organizations organizations;

	OrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	record NewOrganization(@NotBlank @Size(max = 200) String name) {
	}

	record PrimaryContactAssignment(@NotBlank @Size(max = 255) String userId) {
	}

	@PostMapping
	@Operation(summary = "Create a company account; the caller becomes its member and primary contact",
			description = "409 if the caller already belongs to an organization.")
	ResponseEntity<OrganizationView> create(@Valid @RequestBody NewOrganization body, CurrentUser caller) {
		Organization organization = organizations.create(caller, body.name());
		return ResponseEntity.created(URI.create("/api/organizations/" + organization.id()))
			.body(OrganizationView.of(organization));
	}

	@GetMapping("/{organizationId}")
	@Operation(summary = "An organization (members, support and sales only)",
			description = "The organization's id, name, primary contact and creation time. Anyone but its members, support "
					+ "and sales gets 404, so that other companies' accounts stay invisible.")
	OrganizationView get(@PathVariable UUID organizationId, CurrentUser caller) {
		return OrganizationView.of(organizations.readableBy(organizationId, caller));
	}

	@GetMapping("/{organizationId}/users")
	@Operation(summary = "The company contacts (members), longest-standing first (members, support and sales only)",
			description = "The members of the organization, as a page, longest-standing first. Anyone but its members, "
					+ "support and sales gets 404.")
	PageResponse<MemberView> members(@PathVariable UUID organizationId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		return organizations.members(organizationId, caller, page, size);
	}

	@DeleteMapping("/{organizationId}/users/{userId}")
	@Operation(summary = "Remove a member, or leave (members only)",
			description = "The primary contact cannot be removed or leave until another is assigned (422).")
	ResponseEntity<Void> removeMember(@PathVariable UUID organizationId, @PathVariable String userId,
			CurrentUser caller) {
		organizations.removeMember(organizationId, userId, caller);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{organizationId}/primary-contact")
	@Operation(summary = "Assign a new primary contact (the current primary contact or support)",
			description = "403 for other members; 422 if the new primary contact is not a member.")
	OrganizationView assignPrimaryContact(@PathVariable UUID organizationId,
			@Valid @RequestBody PrimaryContactAssignment body, CurrentUser caller) {
		return OrganizationView.of(organizations.assignPrimaryContact(organizationId, body.userId(), caller));
	}

}
