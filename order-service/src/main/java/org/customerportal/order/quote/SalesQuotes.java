package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.membership.Member;
import org.customerportal.order.membership.Memberships;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.InvalidFieldException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes the vendor's sales staff make for a company: list prices less a discount per line, valid until
 * a day they choose, with a note; sent ({@code quote.sent}) to the company's primary contact and the
 * members they name. A member orders it like their own quote.
 */
@Service
class SalesQuotes {

	private final QuoteRepository repository;

	private final Quotes quotes;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SalesQuoteProperties properties;

	SalesQuotes(QuoteRepository repository, Quotes quotes, Memberships memberships, ApplicationEventPublisher events,
			Clock clock, SalesQuoteProperties properties) {
		this.repository = repository;
		this.quotes = quotes;
		this.memberships = memberships;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/** A discount of a percentage of the line's list amount, or of an amount; at most one of them. */
	record Discount(BigDecimal percent, BigDecimal amount) {
	}

	record Line(String product, LicenseType licenseType, int quota, Discount discount) {
	}

	record Request(UUID organizationId, List<Line> lines, LocalDate validUntil, String note, List<String> recipients) {
	}

	/** The quote and the people it was sent to. */
	record Sent(QuoteView quote, List<QuoteSent.Recipient> sentTo) {
	}

	@Transactional
	Sent send(Request request, CurrentUser caller) {
		String company = memberships.organizationName(request.organizationId())
			.orElseThrow(() -> new NotFoundException(
					"There is no such company, or the portal has not heard of it yet. Try again in a moment."));
		List<QuoteSent.Recipient> recipients = recipients(request, company);
		Instant now = Instant.now(clock);
		LocalDate validUntil = checkValidity(request.validUntil(), LocalDate.ofInstant(now, ZoneOffset.UTC));
		String currency = quotes.currency(request.organizationId());
		List<QuoteLine> lines = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			Line line = request.lines().get(i);
			QuoteLine priced = quotes.price(new Quotes.Request(line.product(), line.licenseType(), line.quota()), currency);
			lines.add(discounted(priced, line.discount(), "lines[" + i + "].discount", currency));
		}
		String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
		Quote quote = Quote.sales(request.organizationId(), caller.subject(), preparedBy(caller), lines, currency, now,
				validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), note);
		QuoteView view = QuoteView.of(repository.save(quote));
		events.publishEvent(QuoteSent.of(view, company, recipients, caller.subject()));
		return new Sent(view, recipients);
	}

	private LocalDate checkValidity(LocalDate validUntil, LocalDate today) {
		if (validUntil.isBefore(today)) {
			throw new InvalidFieldException("validUntil", "must be today or a later day");
		}
		LocalDate latest = today.plusDays(properties.maxValidity().toDays());
		if (validUntil.isAfter(latest)) {
			throw new InvalidFieldException("validUntil", "must not be later than " + latest);
		}
		return validUntil;
	}

	/** The primary contact and the named members, each once; anyone named who is not a member is refused. */
	private List<QuoteSent.Recipient> recipients(Request request, String company) {
		List<QuoteSent.Recipient> recipients = new ArrayList<>();
		memberships.primaryContact(request.organizationId())
			.ifPresent(primary -> recipients.add(recipient(primary, true)));
		List<String> named = request.recipients() == null ? List.of() : request.recipients();
		for (int i = 0; i < named.size(); i++) {
			Member member = memberships.memberByEmail(request.organizationId(), named.get(i))
				.orElseThrow(notMember(i, company));
			if (recipients.stream().noneMatch(known -> known.userId().equals(member.userId()))) {
				recipients.add(recipient(member, false));
			}
		}
		if (recipients.isEmpty()) {
			throw new BusinessRuleException("The portal knows no primary contact of " + company
					+ " yet: name a member of the company as a recipient.");
		}
		return recipients;
	}

	private static QuoteSent.Recipient recipient(Member member, boolean primaryContact) {
		return new QuoteSent.Recipient(member.userId(), member.email(), member.name(), primaryContact);
	}

	private static QuoteLine discounted(QuoteLine line, Discount discount, String field, String currency) {
		if (discount == null || discount.percent() == null && discount.amount() == null) {
			return line;
		}
		if (discount.percent() != null && discount.amount() != null) {
			throw new InvalidFieldException(field, "takes a percent or an amount, not both");
		}
		if (discount.percent() != null) {
			return line.lessPercent(discount.percent());
		}
		if (!line.canTakeOff(discount.amount())) {
			throw new InvalidFieldException(field + ".amount", "must not exceed the line's list amount of "
					+ new Money(line.listAmount(), currency) + ": a line cannot go below zero");
		}
		return line.lessAmount(discount.amount());
	}

	private static String preparedBy(CurrentUser caller) {
		return caller.name() != null && !caller.name().isBlank() ? caller.name() : caller.email();
	}

	private static Supplier<InvalidFieldException> notMember(int index, String company) {
		return () -> new InvalidFieldException("recipients[" + index + "]", "is not a member of " + company);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SalesQuoteProperties.class)
	static class Settings {

	}

}
