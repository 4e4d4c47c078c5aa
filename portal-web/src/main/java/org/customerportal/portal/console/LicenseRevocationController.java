package org.customerportal.portal.console;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support console's view of one licence: support revokes it with a reason (its key then validates as
 * revoked, its contacts are told) or reinstates it.
 */
@Controller
@RequestMapping("/support/licenses/{id}")
class LicenseRevocationController {

	private final PortalApi api;

	LicenseRevocationController(PortalApi api) {
		this.api = api;
	}

	record RevocationForm(@NotBlank(message = "{console.revoke.reasonRequired}")
	@Size(max = 500, message = "{console.revoke.reasonTooLong}") String reason) {
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		return page(id, model);
	}

	@PostMapping("/revocation")
	String revoke(@PathVariable UUID id, @Valid @ModelAttribute("revocationForm") RevocationForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				api.post(LicenseView.class, form, "/api/licenses/{id}/revocation", id);
				redirect.addFlashAttribute("notice", "The licence is revoked: its key now validates as revoked, "
						+ "and the contacts of its order are told why.");
				return "redirect:/support/licenses/" + id;
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "reason");
			}
		}
		return page(id, model);
	}

	@PostMapping("/reinstatement")
	String reinstate(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			api.delete("/api/licenses/{id}/revocation", id);
			redirect.addFlashAttribute("notice", "The licence is reinstated: its key validates again.");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("refusal", problem.detail());
		}
		return "redirect:/support/licenses/" + id;
	}

	private String page(UUID id, Model model) {
		model.addAttribute("license", api.get(LicenseView.class, "/api/licenses/{id}", id));
		if (!model.containsAttribute("revocationForm")) {
			model.addAttribute("revocationForm", new RevocationForm(null));
		}
		return "console/license";
	}

}
