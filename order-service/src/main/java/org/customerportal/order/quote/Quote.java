package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
 * A priced offer for an organisation, valid for a while, that becomes at most one order.
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

	@MappedCollection(idColumn = "quote_id", keyColumn = "position")
	private final List<QuoteLine> lines;

	@PersistenceCreator
	Quote(UUID id, Long version, UUID organizationId, String createdBy, Instant createdAt, Instant expiresAt,
			BigDecimal totalAmount, String currency, UUID orderId, List<QuoteLine> lines) {
		this.id = id;
		this.version = version;
		this.organizationId = organizationId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.totalAmount = totalAmount;
		this.currency = currency;
		this.orderId = orderId;
		this.lines = new ArrayList<>(lines);
	}

	/** A quote of priced lines; its total is their sum. */
	static Quote of(UUID organizationId, String createdBy, List<QuoteLine> lines, String currency, Instant now,
			Duration validity) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A quote needs at least one line");
		}
		Money total = Money.zero(currency);
		for (QuoteLine line : lines) {
			total = total.plus(new Money(line.amount(), currency));
		}
		return new Quote(UUID.randomUUID(), null, organizationId, createdBy, now, now.plus(validity), total.amount(),
				currency, null, lines);
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

	/** Refuses to order a quote twice, or after it expired. */
	void assertOrderable(Instant now) {
		if (orderId != null) {
			throw new ConflictException("This quote has already been turned into an order.");
		}
		if (expiredAt(now)) {
			throw new BusinessRuleException("This quote expired on " + expiresAt.atZone(ZoneOffset.UTC).toLocalDate()
					+ ". Request a new quote to see current prices.");
		}
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

	List<QuoteLine> lines() {
		return List.copyOf(lines);
	}

}
