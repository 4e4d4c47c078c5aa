package org.customerportal.portal.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;
import org.customerportal.portal.web.Me;
import org.customerportal.portal.web.People;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account Management &gt; Users: the company contacts, the invitations still pending, inviting a person,
 * removing a member and handing the primary contact role on. A person without a company is offered to
 * create one.
 */
@Controller
class UsersController {

	static final String USERS = "/account/users";

	private static final ParameterizedTypeReference<Page<Member>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<PendingInvitation>> INVITATIONS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final People people;

	private final MessageSourceAccessor messages;

	UsersController(PortalApi api, People people, MessageSource messages) {
		this.api = api;
		this.people = people;
		this.messages = new MessageSourceAccessor(messages);
	}

	record InviteForm(@NotBlank(message = "{users.invite.email.blank}") String email) {
	}

	@GetMapping(USERS)
	String users(HttpSession session, Model model) {
		Me me = people.me(session);
		if (!me.hasCompany()) {
			return "redirect:" + CompanyController.COMPANY;
		}
		if (!model.containsAttribute("invite")) {
			model.addAttribute("invite", new InviteForm(""));
		}
		try {
			return page(me, session, model);
		}
		catch (ApiProblem problem) {
			// removed from the company since the session learnt who they are
			people.changed(session);
			if (problem.isNotFound() && !people.me(session).hasCompany()) {
				return "redirect:" + CompanyController.COMPANY;
			}
			throw problem;
		}
	}

	@PostMapping(USERS + "/invitations")
	String invite(@Valid @ModelAttribute("invite") InviteForm form, BindingResult errors, HttpSession session,
			Model model, RedirectAttributes redirect) {
		Me me = people.me(session);
		if (!me.hasCompany()) {
			return "redirect:" + CompanyController.COMPANY;
		}
		if (!errors.hasErrors()) {
			String email = form.email().strip();
			try {
				api.post(Map.of("email", email), "/api/organizations/{organizationId}/invitations", me.organizationId());
				redirect.addFlashAttribute("notice", messages.getMessage("users.invited", new Object[] { email }));
				return "redirect:" + USERS;
			}
			catch (ApiProblem problem) {
				if (problem.isNotFound()) {
					throw problem;
				}
				FormErrors.show(problem, errors, "email");
			}
		}
		return page(me, session, model);
	}

	/** Sends a pending invitation again with a new link; the old link then says it is no longer valid. */
	@PostMapping(USERS + "/invitations/{invitationId}/resend")
	String resend(@PathVariable UUID invitationId, HttpSession session, RedirectAttributes redirect) {
		return onInvitation(session, redirect, me -> {
			PendingInvitation resent = api.post(PendingInvitation.class, (Object) null,
					"/api/organizations/{organizationId}/invitations/{invitationId}/resend", me.organizationId(),
					invitationId);
			return messages.getMessage("users.invitation.resent", new Object[] { resent.email() });
		});
	}

	/** Withdraws a pending invitation: its link no longer lets anyone join. */
	@PostMapping(USERS + "/invitations/{invitationId}/withdraw")
	String withdraw(@PathVariable UUID invitationId, HttpSession session, RedirectAttributes redirect) {
		return onInvitation(session, redirect, me -> {
			api.delete("/api/organizations/{organizationId}/invitations/{invitationId}", me.organizationId(),
					invitationId);
			return messages.getMessage("users.invitation.withdrawn");
		});
	}

	private String onInvitation(HttpSession session, RedirectAttributes redirect,
			Function<Me, String> action) {
		Me me = people.me(session);
		if (!me.hasCompany()) {
			return "redirect:" + CompanyController.COMPANY;
		}
		try {
			redirect.addFlashAttribute("notice", action.apply(me));
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound()) {
				throw problem;
			}
			redirect.addFlashAttribute("refusal", problem.detail());
		}
		return "redirect:" + USERS;
	}

	/** Removing someone is asked once more, naming them: it is not undone by a click. */
	@GetMapping(USERS + "/{userId}/remove")
	String confirmRemoval(@PathVariable String userId, HttpSession session, Model model) {
		Me me = people.me(session);
		if (!me.hasCompany()) {
			return "redirect:" + CompanyController.COMPANY;
		}
		Member member = members(me).stream()
			.filter(candidate -> candidate.id().equals(userId))
			.findFirst()
			.orElseThrow(() -> new ApiProblem(404, null, null));
		model.addAttribute("member", member);
		model.addAttribute("organization",
				api.get(Organization.class, "/api/organizations/{organizationId}", me.organizationId()));
		return "account/remove";
	}

	@PostMapping(USERS + "/{userId}/remove")
	String remove(@PathVariable String userId, @RequestParam String name, HttpSession session,
			RedirectAttributes redirect) {
		Me me = people.me(session);
		try {
			api.delete("/api/organizations/{organizationId}/users/{userId}", me.organizationId(), userId);
			redirect.addFlashAttribute("notice", messages.getMessage("users.removed", new Object[] { name }));
		}
		catch (ApiProblem problem) {
			refused(problem, redirect);
		}
		return "redirect:" + USERS;
	}

	@PostMapping(USERS + "/primary-contact")
	String assignPrimaryContact(@RequestParam String userId, @RequestParam String name, HttpSession session,
			RedirectAttributes redirect) {
		Me me = people.me(session);
		try {
			api.put(Void.class, Map.of("userId", userId), "/api/organizations/{organizationId}/primary-contact",
					me.organizationId());
			people.changed(session);
			redirect.addFlashAttribute("notice", messages.getMessage("users.primaryAssigned", new Object[] { name }));
		}
		catch (ApiProblem problem) {
			refused(problem, redirect);
		}
		return "redirect:" + USERS;
	}

	/** A refused action on a member: the API's sentence at the top of the list, after the redirect. */
	private static void refused(ApiProblem problem, RedirectAttributes redirect) {
		if (problem.isNotFound() || problem.detail() == null) {
			throw problem;
		}
		redirect.addFlashAttribute("refusal", problem.detail());
	}

	private List<Member> members(Me me) {
		return api.get(MEMBERS, "/api/organizations/{organizationId}/users?size=100", me.organizationId()).items();
	}

	private String page(Me me, HttpSession session, Model model) {
		List<Member> members = members(me);
		List<PendingInvitation> pending = api
			.get(INVITATIONS, "/api/organizations/{organizationId}/invitations?size=100", me.organizationId())
			.items();
		Organization organization = api.get(Organization.class, "/api/organizations/{organizationId}",
				me.organizationId());
		// the organisation is fresh, what the session knows may not be: someone else may have handed the role on
		boolean primaryContact = me.id().equals(organization.primaryContactId());
		if (primaryContact != me.primaryContact()) {
			people.changed(session);
		}
		model.addAttribute("organization", organization);
		model.addAttribute("members", members);
		model.addAttribute("invitations", pending);
		model.addAttribute("primaryContact", primaryContact);
		return "account/users";
	}

}
