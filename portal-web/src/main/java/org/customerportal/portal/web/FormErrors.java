package org.customerportal.portal.web;

import java.util.Map;

import org.customerportal.portal.api.ApiProblem;

import org.springframework.validation.BindingResult;

/**
 * Puts the API's refusal next to what caused it: each field the problem names on that field of the
 * form, and the problem's own sentence on {@code field} (or at the top of the form when null).
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void show(ApiProblem problem, BindingResult form, String field) {
		Map<String, String> fields = problem.fieldMessages();
		boolean placed = false;
		for (Map.Entry<String, String> error : fields.entrySet()) {
			if (form.getTarget() != null && hasProperty(form, error.getKey())) {
				form.rejectValue(error.getKey(), "api", sentence(error.getValue()));
				placed = true;
			}
		}
		if (placed) {
			return;
		}
		String sentence = problem.detail() != null ? problem.detail() : "That did not work. Check what you entered.";
		if (field != null) {
			form.rejectValue(field, "api", sentence);
		}
		else {
			form.reject("api", sentence);
		}
	}

	private static boolean hasProperty(BindingResult form, String field) {
		try {
			return form.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String sentence(String message) {
		if (message == null || message.isEmpty()) {
			return "Check this value.";
		}
		return Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
