package org.customerportal.portal.account;

import java.util.Map;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;
import org.customerportal.portal.web.People;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Create my company account: a person who belongs to no company creates one and becomes its first
 * member and primary contact.
 */
@Controller
class CompanyController {

	static final String COMPANY = "/account/company";

	private final PortalApi api;

	private final People people;

	private final MessageSourceAccessor messages;

	CompanyController(PortalApi api, People people, MessageSource messages) {
		this.api = api;
		this.people = people;
		this.messages = new MessageSourceAccessor(messages);
	}

	record CompanyForm(@NotBlank(message = "{company.name.blank}") String name) {
	}

	@GetMapping(COMPANY)
	String company(HttpSession session, Model model) {
		if (people.me(session).hasCompany()) {
			return "redirect:" + UsersController.USERS;
		}
		model.addAttribute("company", new CompanyForm(""));
		return "account/company";
	}

	@PostMapping(COMPANY)
	String create(@Valid @ModelAttribute("company") CompanyForm form, BindingResult errors, HttpSession session,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "account/company";
		}
		try {
			Organization created = api.post(Organization.class, Map.of("name", form.name().strip()), "/api/organizations");
			people.changed(session);
			redirect.addFlashAttribute("notice", messages.getMessage("company.created", new Object[] { created.name() }));
			return "redirect:" + UsersController.USERS;
		}
		catch (ApiProblem problem) {
			FormErrors.show(problem, errors, "name");
			return "account/company";
		}
	}

}
