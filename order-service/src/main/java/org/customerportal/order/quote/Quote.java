package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A priced offer for an organisation, valid for a while, that becomes at most one order: a customer's
 * own at list prices, or one the vendor's sales staff made, with discounts and a note.
 */
@Table("quote")
class Quote {

	@Id
	private final UUID id;

	@Version
	private Long version;

	private final UUID organizationId;

	private final String createdBy;

	private final Instant createdAt;

	private final Instant expiresAt;

	private final BigDecimal totalAmount;

	private final String currency;

	private UUID orderId;

	private final Kind kind;

	private final String note;

	private final String preparedByName;

	@MappedCollection(idColumn = "quote_id", keyColumn = "position")
	private final List<QuoteLine> lines;

	@PersistenceCreator
	Quote(UUID id, Long version, UUID organizationId, String createdBy, Instant createdAt, Instant expiresAt,
			BigDecimal totalAmount, String currency, UUID orderId, Kind kind, String note, String preparedByName,
			List<QuoteLine> lines) {
		this.id = id;
		this.version = version;
		this.organizationId = organizationId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.totalAmount = totalAmount;
		this.currency = currency;
		this.orderId = orderId;
		this.kind = kind;
		this.note = note;
		this.preparedByName = preparedByName;
		this.lines = new ArrayList<>(lines);
	}

	/** Who made the quote. */
	enum Kind {

		/** a member of the organisation, at list prices */
		CUSTOMER,

		/** the vendor's sales staff, for the organisation */
		SALES

	}

	/** A quote of priced lines; its total is their sum. */
	static Quote of(UUID organizationId, String createdBy, List<QuoteLine> lines, String currency, Instant now,
			Duration validity) {
		return new Quote(UUID.randomUUID(), null, organizationId, createdBy, now, now.plus(validity),
				total(lines, currency).amount(), currency, null, Kind.CUSTOMER, null, null, lines);
	}

	/** A sales quote of priced (possibly discounted) lines, valid until the given instant. */
	static Quote sales(UUID organizationId, String createdBy, String preparedByName, List<QuoteLine> lines,
			String currency, Instant now, Instant expiresAt, String note) {
		return new Quote(UUID.randomUUID(), null, organizationId, createdBy, now, expiresAt,
				total(lines, currency).amount(), currency, null, Kind.SALES, note, preparedByName, lines);
	}

	private static Money total(List<QuoteLine> lines, String currency) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A quote needs at least one line");
		}
		Money total = Money.zero(currency);
		for (QuoteLine line : lines) {
			total = total.plus(new Money(line.amount(), currency));
		}
		return total;
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

	/** Refuses to order a quote twice, or after it expired. */
	void assertOrderable(Instant now) {
		if (orderId != null) {
			throw new ConflictException("This quote has already been turned into an order.");
		}
		if (expiredAt(now) && kind == Kind.SALES) {
			throw new BusinessRuleException("This quote was valid until " + lastDay()
					+ ". Ask your sales contact for a new one.");
		}
		if (expiredAt(now)) {
			throw new BusinessRuleException("This quote expired on " + expiresAt.atZone(ZoneOffset.UTC).toLocalDate()
					+ ". Request a new quote to see current prices.");
		}
	}

	/** The last day (UTC) it can be ordered: a sales quote is valid until the end of a day. */
	LocalDate lastDay() {
		return expiresAt.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
	}

	void ordered(UUID orderId, Instant now) {
		assertOrderable(now);
		this.orderId = orderId;
	}

	UUID id() {
		return id;
	}

	UUID organizationId() {
		return organizationId;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Money total() {
		return new Money(totalAmount, currency);
	}

	String currency() {
		return currency;
	}

	UUID orderId() {
		return orderId;
	}

	Kind kind() {
		return kind;
	}

	String note() {
		return note;
	}

	String preparedByName() {
		return preparedByName;
	}

	List<QuoteLine> lines() {
		return List.copyOf(lines);
	}

}
