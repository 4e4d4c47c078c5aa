package org.customerportal.portal.trial;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.license.Catalogue;
import org.customerportal.portal.web.FormErrors;
import org.customerportal.portal.web.Formats;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Trial License: the company's trials, starting one of a product, and extending one by 30 days (twice at
 * most; the API says why a third time is refused).
 */
@Controller
class TrialController {

	/** The API extends a trial at most this many times. */
	static final int EXTENSIONS = 2;

	private static final ParameterizedTypeReference<Page<LicenseView>> LICENSES = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final Catalogue catalogue;

	private final Formats formats;

	private final MessageSourceAccessor messages;

	TrialController(PortalApi api, Catalogue catalogue, Formats formats, MessageSource messages) {
		this.api = api;
		this.catalogue = catalogue;
		this.formats = formats;
		this.messages = new MessageSourceAccessor(messages);
	}

	@GetMapping("/trials")
	String trials(Model model) {
		if (!model.containsAttribute("trialForm")) {
			model.addAttribute("trialForm", new TrialForm(null));
		}
		return page(model);
	}

	@PostMapping("/trials")
	String start(@Valid @ModelAttribute("trialForm") TrialForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				LicenseView trial = api.post(LicenseView.class, form, "/api/trials");
				redirect.addFlashAttribute("notice", messages.getMessage("trials.started",
						new Object[] { trial.product(), formats.date(trial.expiresAt()) }));
				return "redirect:/trials";
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "product");
			}
		}
		return page(model);
	}

	/** Extends the trial by 30 days; a refusal comes back as the API's sentence beside the trial. */
	@PostMapping("/trials/{id}/extensions")
	String extend(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			LicenseView trial = api.post(LicenseView.class, (Object) null, "/api/trials/{id}/extensions", id);
			redirect.addFlashAttribute("notice", messages.getMessage("trials.extended",
					new Object[] { trial.product(), formats.date(trial.expiresAt()) }));
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound()) {
				throw problem;
			}
			redirect.addFlashAttribute("extensionRefused", new Refusal(id,
					problem.detail() != null ? problem.detail() : messages.getMessage("trials.refused")));
		}
		return "redirect:/trials";
	}

	private String page(Model model) {
		// the API has no filter by type: the trials are picked from the company's licences
		List<Trial> trials = api.get(LICENSES, "/api/licenses?size=100")
			.items()
			.stream()
			.filter(LicenseView::isTrial)
			.map(Trial::new)
			.toList();
		model.addAttribute("trials", trials);
		model.addAttribute("products", catalogue.products());
		return "trial/trials";
	}

	record TrialForm(@NotBlank(message = "{trials.product.required}") String product) {
	}

	/** A trial and how many more times it can be extended. */
	record Trial(LicenseView license) {

		public int extensionsLeft() {
			int used = license.trialExtensions() == null ? 0 : license.trialExtensions();
			return Math.max(0, EXTENSIONS - used);
		}

	}

	/** The API's reason for not extending a trial, shown beside that trial. */
	record Refusal(UUID trialId, String sentence) implements java.io.Serializable {
	}

}
