package org.customerportal.portal.license;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * One licence: what it is, Manage > Add Quota, a free upgrade while it is covered, the devices using its
 * quota, and its signed certificate. A person who is not a contact of the licence's order gets "not
 * found" (the API answers 404).
 */
@Controller
class LicenseController {

	private static final ParameterizedTypeReference<Page<Device>> DEVICES = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final MessageSourceAccessor messages;

	LicenseController(PortalApi api, MessageSource messages) {
		this.api = api;
		this.messages = new MessageSourceAccessor(messages);
	}

	@GetMapping("/licenses/{id}")
	String show(@PathVariable UUID id, Model model) {
		return page(id, model);
	}

	/** Manage > Add Quota: a QUOTA_EXPANSION order, then its payment. */
	@PostMapping("/licenses/{id}/quota")
	String addQuota(@PathVariable UUID id, @Valid @ModelAttribute("quotaForm") QuotaForm form, BindingResult errors,
			@RequestParam(name = Idempotency.FIELD, required = false) String idempotencyKey, Model model,
			RedirectAttributes redirect) {
		return submit(id, errors, "additionalQuota", model, () -> {
			OrderView order = api.post(OrderView.class, new QuotaOrder(id, form.additionalQuota()),
					Idempotency.headers(idempotencyKey), "/api/quota-orders");
			redirect.addFlashAttribute("notice", messages.getMessage("license.addQuota.placed",
					new Object[] { order.reference(), form.additionalQuota() }));
			return "redirect:/orders/" + order.id() + "/payment";
		});
	}

	@PostMapping("/licenses/{id}/upgrade")
	String upgrade(@PathVariable UUID id, @Valid @ModelAttribute("upgradeForm") UpgradeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		return submit(id, errors, "targetVersion", model, () -> {
			LicenseView upgraded = api.post(LicenseView.class, form, "/api/licenses/{id}/upgrade", id);
			redirect.addFlashAttribute("notice",
					messages.getMessage("license.upgrade.done", new Object[] { upgraded.productVersion() }));
			return "redirect:/licenses/" + id;
		});
	}

	/**
	 * Buy upgrade: for a perpetual licence whose maintenance has ended, an UPGRADE order to the newest
	 * version at the price list's upgrade price, then its payment. A refusal (the API's reason) is shown
	 * at the top of the licence page.
	 */
	@PostMapping("/licenses/{id}/upgrade-order")
	String buyUpgrade(@PathVariable UUID id,
			@RequestParam(name = Idempotency.FIELD, required = false) String idempotencyKey, Model model,
			RedirectAttributes redirect) {
		try {
			OrderView order = api.post(OrderView.class, new UpgradeOrder(id), Idempotency.headers(idempotencyKey),
					"/api/upgrade-orders");
			redirect.addFlashAttribute("notice",
					messages.getMessage("license.buyUpgrade.placed", new Object[] { order.reference() }));
			return "redirect:/orders/" + order.id() + "/payment";
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404) {
				throw problem;
			}
			model.addAttribute("upgradeOrderError", problem.detail());
			return page(id, model);
		}
	}

	@PostMapping("/licenses/{id}/activations")
	String activate(@PathVariable UUID id, @Valid @ModelAttribute("activationForm") ActivationForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return submit(id, errors, "deviceId", model, () -> {
			Activation activation = api.post(Activation.class, form, "/api/licenses/{id}/activations", id);
			redirect.addFlashAttribute("notice", messages.getMessage("license.activations.activated",
					new Object[] { form.deviceId(), activation.quotaUsed(), activation.quota() }));
			return "redirect:/licenses/" + id + "#activations";
		});
	}

	/** Frees the device's unit of quota. */
	@PostMapping("/licenses/{id}/activations/free")
	String free(@PathVariable UUID id, @RequestParam String deviceId, RedirectAttributes redirect) {
		api.delete("/api/licenses/{id}/activations/{deviceId}", id, deviceId);
		redirect.addFlashAttribute("notice", messages.getMessage("license.activations.freed", new Object[] { deviceId }));
		return "redirect:/licenses/" + id + "#activations";
	}

	/** The signed certificate, as the API serves it, saved as a file. */
	@GetMapping("/licenses/{id}/certificate")
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		ResponseEntity<byte[]> file = api.download("/api/licenses/{id}/certificate", id);
		MediaType type = file.getHeaders().getContentType() != null ? file.getHeaders().getContentType()
				: MediaType.APPLICATION_OCTET_STREAM;
		String extension = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? ".json" : "";
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("license-certificate-" + id + extension).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.getBody());
	}

	/**
	 * Sends a valid form to the API and goes where the action says; invalid input or a refusal shows the
	 * licence page again with the message next to {@code field}.
	 */
	private String submit(UUID id, BindingResult errors, String field, Model model, Supplier<String> action) {
		if (!errors.hasErrors()) {
			try {
				return action.get();
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, field);
			}
		}
		return page(id, model);
	}

	private String page(UUID id, Model model) {
		LicenseView license = api.get(LicenseView.class, "/api/licenses/{id}", id);
		model.addAttribute("license", license);
		model.addAttribute("eligibility", api.get(Eligibility.class, "/api/licenses/{id}/upgrade-eligibility", id));
		model.addAttribute("devices", api.get(DEVICES, "/api/licenses/{id}/activations?size=100", id));
		if (!model.containsAttribute("quotaForm")) {
			model.addAttribute("quotaForm", new QuotaForm(null));
		}
		if (!model.containsAttribute("upgradeForm")) {
			model.addAttribute("upgradeForm", new UpgradeForm(license.productVersion() + 1));
		}
		if (!model.containsAttribute("activationForm")) {
			model.addAttribute("activationForm", new ActivationForm(null));
		}
		model.addAttribute("back", "/licenses/" + id);
		Idempotency.offer(model);
		return "license/license";
	}

	record QuotaForm(@NotNull(message = "{license.addQuota.required}")
	@Positive(message = "{license.addQuota.positive}") Integer additionalQuota) {
	}

	record QuotaOrder(UUID licenseId, int additionalQuota) {
	}

	record UpgradeOrder(UUID licenseId) {
	}

	record UpgradeForm(@NotNull(message = "{license.upgrade.required}")
	@Positive(message = "{license.upgrade.positive}") Integer targetVersion) {
	}

	record ActivationForm(@NotBlank(message = "{license.activations.required}")
	@Size(max = 200, message = "{license.activations.tooLong}") String deviceId) {
	}

	record Eligibility(boolean eligible, String reason, Integer currentVersion, Integer latestVersion) {

		/** Not free, but a newer version is out: a perpetual licence may buy it. */
		public boolean upgradeForSale(LicenseView license) {
			return !eligible && license.isPerpetual() && latestVersion != null
					&& latestVersion > license.productVersion() && "ACTIVE".equals(license.status());
		}

	}

	record Activation(int quota, int quotaUsed) {
	}

	record Device(String deviceId, Instant activatedAt) {
	}

}
