package org.customerportal.notification.mail;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.preference.UnsubscribeScope;
import org.customerportal.notification.preference.UnsubscribeTokens;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Turns a queued mail (its kind and model) into subject, plain-text and HTML bodies and headers, from
 * the templates under {@code templates/mail/}. Done when the mail is sent, so the unsubscribe link is
 * fresh and "ends in N days" is counted on the day it goes out.
 */
@Component
class MailComposer {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private final ITemplateEngine templates;

	private final UnsubscribeTokens unsubscribeTokens;

	private final NotificationProperties properties;

	private final Clock clock;

	MailComposer(ITemplateEngine templates, UnsubscribeTokens unsubscribeTokens, NotificationProperties properties,
			Clock clock) {
		this.templates = templates;
		this.unsubscribeTokens = unsubscribeTokens;
		this.properties = properties;
		this.clock = clock;
	}

	record ComposedMail(String subject, String text, String html, Map<String, String> headers) {
	}

	ComposedMail compose(MailKind kind, String recipient, JsonNode model) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("portalUrl", properties.link("/"));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Auto-Submitted", "auto-generated");
		String subject = switch (kind) {
			case RENEWAL_REMINDER -> renewalReminder(recipient, model, variables, headers);
			case INVITATION -> invitation(model, variables);
			case PAYMENT_INSTRUCTIONS -> paymentInstructions(model, variables);
			case PAYMENT_REMINDER -> paymentReminder(model, variables);
			case RECEIPT -> receipt(model, variables);
			case QUOTE -> quote(model, variables);
			case LICENSE_REVOKED -> licenseRevoked(model, variables);
		};
		variables.put("subject", subject);
		Context context = new Context(Locale.ENGLISH, variables);
		String text = templates.process("mail/" + kind.template() + ".txt", context);
		String html = templates.process("mail/" + kind.template(), context);
		return new ComposedMail(subject, text, html, headers);
	}

	private String renewalReminder(String recipient, JsonNode model, Map<String, Object> variables,
			Map<String, String> headers) {
		LocalDate endDate = LocalDate.parse(model.path("endDate").asString());
		LocalDate today = LocalDate.now(clock.withZone(properties.reminders().zone()));
		long daysLeft = ChronoUnit.DAYS.between(today, endDate);
		boolean perpetual = "PERPETUAL".equals(model.path("licenceType").asString());
		String product = text(model, "productName", text(model, "product", "your product"));
		String when = when(daysLeft, endDate);
		String licenseId = model.path("licenceId").asString();
		String unsubscribeUrl = unsubscribeTokens.link(recipient, UnsubscribeScope.RENEWAL_REMINDERS);
		variables.put("name", text(model, "name", null));
		variables.put("product", product);
		variables.put("licenceId", licenseId);
		variables.put("perpetual", perpetual);
		variables.put("endDate", DATE.format(endDate));
		variables.put("when", when);
		variables.put("ended", daysLeft < 0);
		variables.put("renewUrl", properties.link("/licenses/" + licenseId));
		variables.put("unsubscribeUrl", unsubscribeUrl);
		String mailto = properties.unsubscribe().mailto();
		headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">"
				+ (mailto == null || mailto.isBlank() ? "" : ", <mailto:" + mailto + "?subject=unsubscribe>"));
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return (perpetual ? "Maintenance for your " + product + " licence " : "Your " + product + " licence ")
				+ (daysLeft < 0 ? "ended " : "ends ") + when;
	}

	private static String when(long daysLeft, LocalDate endDate) {
		if (daysLeft > 1) {
			return "in " + daysLeft + " days (" + DATE.format(endDate) + ")";
		}
		if (daysLeft == 1) {
			return "tomorrow (" + DATE.format(endDate) + ")";
		}
		if (daysLeft == 0) {
			return "today (" + DATE.format(endDate) + ")";
		}
		return "on " + DATE.format(endDate);
	}

	private String invitation(JsonNode model, Map<String, Object> variables) {
		String organization = text(model, "organizationName", "an organization");
		String invitedBy = text(model, "invitedByName", "A colleague");
		variables.put("organization", organization);
		variables.put("invitedBy", invitedBy);
		variables.put("acceptUrl", model.path("acceptUrl").asString());
		variables.put("expiresAt", instant(model, "expiresAt"));
		return invitedBy + " invited you to join " + organization + " on the Customer Portal";
	}

	private String paymentInstructions(JsonNode model, Map<String, Object> variables) {
		String orderId = model.path("orderId").asString();
		boolean wire = "WIRE_TRANSFER".equals(model.path("paymentMethod").asString());
		variables.put("orderId", orderId);
		variables.put("total", money(model.path("total")));
		variables.put("method", wire ? "wire transfer" : "check");
		variables.put("instructions",
				wire ? properties.paymentInstructions().wireTransfer() : properties.paymentInstructions().check());
		variables.put("lines", lines(model.path("lines")));
		variables.put("orderUrl", properties.link("/orders/" + orderId));
		variables.put("dueBy", instant(model, "paymentDueBy"));
		return "How to pay your order " + orderId + " by " + (wire ? "wire transfer" : "check");
	}

	private String paymentReminder(JsonNode model, Map<String, Object> variables) {
		String orderId = model.path("orderId").asString();
		boolean wire = "WIRE_TRANSFER".equals(model.path("paymentMethod").asString());
		String dueBy = instant(model, "paymentDueBy");
		variables.put("orderId", orderId);
		variables.put("total", money(model.path("total")));
		variables.put("method", wire ? "wire transfer" : "check");
		variables.put("instructions",
				wire ? properties.paymentInstructions().wireTransfer() : properties.paymentInstructions().check());
		variables.put("dueBy", dueBy);
		variables.put("orderUrl", properties.link("/orders/" + orderId));
		return "Your order " + orderId + " is cancelled on " + dueBy + " unless paid";
	}

	private String receipt(JsonNode model, Map<String, Object> variables) {
		String orderId = model.path("orderId").asString();
		variables.put("orderId", orderId);
		variables.put("total", money(model.path("total")));
		variables.put("method", paymentMethod(model.path("paymentMethod").asString()));
		variables.put("paymentId", text(model, "paymentId", null));
		variables.put("paidAt", instant(model, "paidAt"));
		variables.put("lines", lines(model.path("lines")));
		variables.put("orderUrl", properties.link("/orders/" + orderId));
		return "Receipt for your order " + orderId;
	}

	private String quote(JsonNode model, Map<String, Object> variables) {
		String quoteId = model.path("quoteId").asString();
		String organization = text(model, "organizationName", "your company");
		List<QuoteLine> lines = new ArrayList<>();
		for (JsonNode line : model.path("lines")) {
			String percent = text(line, "discountPercent", null);
			JsonNode discount = line.path("discount");
			lines.add(new QuoteLine(text(line, "productName", text(line, "product", "")), text(line, "licenseType", ""),
					text(line, "quota", ""), money(line.path("listAmount")),
					positive(discount) ? money(discount) + (percent == null ? "" : " (" + percent + "%)") : null,
					money(line.path("amount"))));
		}
		String validUntil = text(model, "validUntil", null);
		variables.put("organization", organization);
		variables.put("sentBy", text(model, "sentByName", "Our sales team"));
		variables.put("lines", lines);
		variables.put("total", money(model.path("total")));
		JsonNode discount = model.path("discount");
		variables.put("discount", positive(discount) ? money(discount) : null);
		variables.put("validUntil", validUntil == null ? null : DATE.format(LocalDate.parse(validUntil)));
		variables.put("note", text(model, "note", null));
		variables.put("quoteUrl", properties.link("/quotes/" + quoteId));
		return "Your quote " + quoteId.substring(0, 8).toUpperCase() + " for " + organization;
	}

	/** A quote line; {@code discount} is null when the line has none. */
	record QuoteLine(String product, String licenseType, String quota, String listAmount, String discount,
			String amount) {
	}

	private String licenseRevoked(JsonNode model, Map<String, Object> variables) {
		String licenseId = model.path("licenceId").asString();
		String product = text(model, "productName", text(model, "product", "your product"));
		variables.put("product", product);
		variables.put("licenceId", licenseId);
		variables.put("reason", text(model, "reason", ""));
		variables.put("licenceUrl", properties.link("/licenses/" + licenseId));
		return "Your " + product + " licence has been revoked";
	}

	record Line(String product, String licenseType, String quota, String amount) {
	}

	private static List<Line> lines(JsonNode lines) {
		List<Line> result = new ArrayList<>();
		for (JsonNode line : lines) {
			result.add(new Line(text(line, "productName", text(line, "product", "")), text(line, "licenseType", ""),
					text(line, "quota", ""), money(line.path("amount"))));
		}
		return result;
	}

	private static String money(JsonNode money) {
		if (!money.isObject()) {
			return "";
		}
		return money.path("amount").asString() + " " + money.path("currency").asString();
	}

	private static boolean positive(JsonNode money) {
		return money.isObject() && new BigDecimal(money.path("amount").asString()).signum() > 0;
	}

	private static String paymentMethod(String method) {
		return switch (method) {
			case "CREDIT_CARD" -> "credit card";
			case "PAYPAL" -> "PayPal";
			case "WIRE_TRANSFER" -> "wire transfer";
			case "CHECK" -> "check";
			default -> method;
		};
	}

	private static String instant(JsonNode model, String field) {
		String value = text(model, field, null);
		if (value == null) {
			return null;
		}
		Instant instant = Instant.parse(value);
		return DATE.format(instant.atZone(java.time.ZoneOffset.UTC)) + " (UTC)";
	}

	private static String text(JsonNode model, String field, String fallback) {
		JsonNode value = model.path(field);
		return value.isMissingNode() || value.isNull() || value.asString().isBlank() ? fallback : value.asString();
	}

}
