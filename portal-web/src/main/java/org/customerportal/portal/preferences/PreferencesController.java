package org.customerportal.portal.preferences;

import org.customerportal.portal.api.PortalApi;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** E-mail preferences: renewal reminders and the newsletter, for the signed-in person. */
@Controller
class PreferencesController {

	static final String PREFERENCES = "/preferences";

	private static final String API = "/api/notifications/preferences";

	private final PortalApi api;

	private final MessageSourceAccessor messages;

	PreferencesController(PortalApi api, MessageSource messages) {
		this.api = api;
		this.messages = new MessageSourceAccessor(messages);
	}

	/** Both settings, as the API has them. */
	record Preferences(boolean renewalReminders, boolean newsletter) {
	}

	@GetMapping(PREFERENCES)
	String preferences(Model model) {
		model.addAttribute("preferences", api.get(Preferences.class, API));
		return "preferences";
	}

	/** A box left unticked is not sent by the browser: that is a no. */
	@PostMapping(PREFERENCES)
	String save(@RequestParam(defaultValue = "false") boolean renewalReminders,
			@RequestParam(defaultValue = "false") boolean newsletter, RedirectAttributes redirect) {
		api.put(Preferences.class, new Preferences(renewalReminders, newsletter), API);
		redirect.addFlashAttribute("notice", messages.getMessage("preferences.saved"));
		return "redirect:" + PREFERENCES;
	}

}
