package org.customerportal.account.removal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Removing a person's account for good, by support.")
class AccountRemovalController {

	private final AccountRemoval removal;

	AccountRemovalController(AccountRemoval removal) {
		this.removal = removal;
	}

	@DeleteMapping("/api/users/{userId}")
	@PreAuthorize("hasRole('support')")
	@Operation(summary = "Remove an account for good (support only)",
			description = "Erases the person's e-mail address and name, ends their membership (a primary contact is "
					+ "replaced by the longest-standing remaining member), removes them from every order contact "
					+ "list and mailing (user.removed) and disables them in Keycloak, retried until Keycloak answers.")
	ResponseEntity<Void> remove(@PathVariable String userId) {
		removal.remove(userId);
		return ResponseEntity.noContent().build();
	}

}
