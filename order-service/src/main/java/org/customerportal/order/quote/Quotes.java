package org.customerportal.order.quote;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.OrderServiceProperties;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.catalogue.Catalogue;
import org.customerportal.order.catalogue.Currencies;
import org.customerportal.order.catalogue.Product;
import org.customerportal.order.membership.Member;
import org.customerportal.order.membership.Memberships;
import org.customerportal.order.orders.NewOrder;
import org.customerportal.order.orders.OrderType;
import org.customerportal.order.orders.OrderView;
import org.customerportal.order.orders.Orders;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes priced from the catalogue for members of an organisation, and turning one into an order.
 */
@Service
class Quotes {

	private final QuoteRepository repository;

	private final Catalogue catalogue;

	private final Memberships memberships;

	private final Orders orders;

	private final Clock clock;

	private final OrderServiceProperties properties;

	private final Currencies currencies;

	Quotes(QuoteRepository repository, Catalogue catalogue, Memberships memberships, Orders orders, Clock clock,
			OrderServiceProperties properties, Currencies currencies) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.currencies = currencies;
		this.memberships = memberships;
		this.orders = orders;
		this.clock = clock;
		this.properties = properties;
	}

	/** One requested line, already checked against the catalogue. */
	record Request(String product, LicenseType licenseType, int quota) {
	}

	/** Not in a transaction: a caller not known yet is confirmed with account-service first. */
	QuoteView create(UUID organizationId, List<Request> requested, String requestedCurrency, CurrentUser caller) {
		requireMember(organizationId, caller);
		String currency = currencies.forQuote(organizationId, requestedCurrency);
		List<QuoteLine> lines = requested.stream().map(request -> price(request, currency)).toList();
		Quote quote = Quote.of(organizationId, caller.subject(), lines, currency, Instant.now(clock),
				properties.quoteValidity());
		return QuoteView.of(repository.save(quote));
	}

	/** For members of the quote's organisation, and for the vendor's sales staff. */
	QuoteView get(UUID quoteId, CurrentUser caller) {
		Quote quote = repository.findById(quoteId)
			.filter(q -> caller.isSales() || memberships.caller(q.organizationId(), caller).isPresent())
			.orElseThrow(Quotes::quoteNotFound);
		return QuoteView.of(quote);
	}

	/**
	 * Makes sure the read model knows the caller's membership of the quote's organisation before the
	 * transaction that orders the quote, so that asking account-service holds no lock or connection.
	 */
	void recogniseCaller(UUID quoteId, CurrentUser caller) {
		repository.findById(quoteId).ifPresent(quote -> memberships.caller(quote.organizationId(), caller));
	}

	/**
	 * Turns an unexpired quote into an order at the quote's prices; the caller becomes the order's
	 * first contact. The quote's row lock and the unique quote id on orders make it once per quote.
	 */
	@Transactional
	OrderView order(UUID quoteId, PaymentMethod paymentMethod, CurrentUser caller) {
		Quote quote = repository.findLockedById(quoteId).orElseThrow(Quotes::quoteNotFound);
		Member member = memberships.member(quote.organizationId(), caller.subject())
			.orElseThrow(Quotes::quoteNotFound);
		Instant now = Instant.now(clock);
		quote.assertOrderable(now);
		currencies.ordering(quote.organizationId(), quote.currency(), caller.subject());
		List<NewOrder.Line> lines = quote.lines()
			.stream()
			.map(line -> new NewOrder.Line(line.product(), line.productName(), line.licenseType(), line.quota(), null,
					line.productVersion(), new Money(line.unitPrice(), quote.currency()),
					new Money(line.amount(), quote.currency())))
			.toList();
		OrderView order = orders.place(new NewOrder(quote.organizationId(), quote.id(), OrderType.NEW_PURCHASE, lines,
				quote.currency(), paymentMethod, member.userId(), member.email()));
		quote.ordered(order.id(), now);
		repository.save(quote);
		return order;
	}

	/** The currency the organisation's quotes are priced in now. */
	String currency(UUID organizationId) {
		return currencies.current(organizationId);
	}

	/** The line at the catalogue's list price in the currency. */
	QuoteLine price(Request request, String currency) {
		Product product = catalogue.product(request.product(), currency)
			.filter(priced -> priced.soldAs(request.licenseType()))
			.orElseThrow(() -> new BusinessRuleException(request.product() + " is not sold as a "
					+ request.licenseType().name().toLowerCase() + " licence in " + currency
					+ " yet. Contact sales for a quote."));
		Money unitPrice = product.unitPrice(request.licenseType()).orElseThrow();
		return new QuoteLine(product.code(), product.name(), request.licenseType(), request.quota(),
				product.currentVersion(), unitPrice.amount(), unitPrice.times(request.quota()).amount());
	}

	private void requireMember(UUID organizationId, CurrentUser caller) {
		if (memberships.caller(organizationId, caller).isEmpty()) {
			throw new NotFoundException(
					"There is no such organization, or you are not one of its members yet. If you have just joined it, try again in a moment.");
		}
	}

	private static NotFoundException quoteNotFound() {
		return new NotFoundException("There is no such quote, or you are not a member of its organization.");
	}

}
