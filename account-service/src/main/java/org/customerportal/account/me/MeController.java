package org.customerportal.account.me;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.customerportal.account.organization.Organization;
import org.customerportal.account.organization.Organizations;
import org.customerportal.account.user.User;
import org.customerportal.account.user.Users;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile. The first call registers the person from their access token.
 */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The caller's own profile; the first call registers them from their access token.")
class MeController {

	static final String EMAIL_CANNOT_CHANGE = "Email addresses cannot be changed in the portal. Please contact sales for assistance.";

	private final Users users;

	private final Organizations organizations;

	MeController(Users users, Organizations organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	record Me(String id, String email, String name, UUID organizationId, boolean primaryContact, Set<String> roles) {
	}

	/**
	 * A partial update: what is absent stays as it is. Only the name can be changed.
	 */
	record ProfileChange(@Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			String email) {
	}

	@GetMapping
	@Operation(summary = "The caller; the first call registers them from the access token",
			description = "The caller's id (their Keycloak subject), e-mail address, name, organization, whether they are "
					+ "its primary contact, and their roles. The first call creates the user from the token's `sub`, "
					+ "`email` and `name`.")
	Me me(CurrentUser caller) {
		return view(users.caller(caller), caller);
	}

	@PatchMapping
	@Operation(summary = "Rename the caller",
			description = "An e-mail address in the body answers 422: e-mail addresses cannot be changed in the portal.")
	Me change(@Valid @RequestBody ProfileChange change, CurrentUser caller) {
		if (change.email() != null) {
			throw new BusinessRuleException(EMAIL_CANNOT_CHANGE);
		}
		User user = change.name() == null ? users.caller(caller) : users.rename(caller, change.name());
		return view(user, caller);
	}

	private Me view(User user, CurrentUser caller) {
		Optional<Organization> organization = organizations.of(user.id());
		return new Me(user.id(), user.email(), user.name(), organization.map(Organization::id).orElse(null),
				organization.map(o -> o.isPrimaryContact(user.id())).orElse(false), caller.roles());
	}

}
