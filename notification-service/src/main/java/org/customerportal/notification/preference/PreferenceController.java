package org.customerportal.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.customerportal.notification.preference.MailPreferences.Preferences;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own mail preferences, by the e-mail address in their token.
 */
@RestController
@Tag(name = "Preferences", description = "Whether the caller gets renewal reminders and the newsletter.")
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

	private final MailPreferences preferences;

	PreferenceController(MailPreferences preferences) {
		this.preferences = preferences;
	}

	record PreferencesView(boolean renewalReminders, boolean newsletter) {

		static PreferencesView of(Preferences preferences) {
			return new PreferencesView(preferences.renewalReminders(), preferences.newsletter());
		}

	}

	record PreferencesChange(@NotNull Boolean renewalReminders, @NotNull Boolean newsletter) {
	}

	@GetMapping
	@Operation(summary = "The caller's mail preferences",
			description = "Whether the caller gets renewal reminders and the newsletter.")
	PreferencesView show(CurrentUser caller) {
		return PreferencesView.of(preferences.of(addressOf(caller)));
	}

	@PutMapping
	@Operation(summary = "Change the caller's mail preferences",
			description = "Turns the caller's renewal reminders and newsletter on or off.")
	PreferencesView change(CurrentUser caller, @Valid @RequestBody PreferencesChange change) {
		return PreferencesView.of(preferences.change(addressOf(caller),
				new Preferences(change.renewalReminders(), change.newsletter())));
	}

	private static String addressOf(CurrentUser caller) {
		// preferences belong to an address: only its verified owner may read or change them
		return caller.verifiedEmail();
	}

}
