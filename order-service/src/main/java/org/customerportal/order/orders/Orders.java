package org.customerportal.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.customerportal.order.PaymentMethod;
import org.customerportal.order.membership.Member;
import org.customerportal.order.membership.MembershipEnded;
import org.customerportal.order.membership.Memberships;
import org.customerportal.order.orders.OrderEvents.OrderAwaitingPayment;
import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.OrderEvents.OrderContactAdded;
import org.customerportal.order.orders.OrderEvents.OrderContactRemoved;
import org.customerportal.order.orders.OrderEvents.OrderPaid;
import org.customerportal.order.orders.OrderEvents.OrderPlaced;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: placing them, who may see and change them, their payment state and contact lists, and the
 * events that tell billing and the other services about each change.
 */
@Service
public class Orders {

	private static final Logger log = LoggerFactory.getLogger(Orders.class);

	private final OrderRepository repository;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final UnpaidOrderProperties unpaid;

	private final Clock clock;

	Orders(OrderRepository repository, Memberships memberships, ApplicationEventPublisher events, JdbcClient jdbc,
			UnpaidOrderProperties unpaid, Clock clock) {
		this.repository = repository;
		this.memberships = memberships;
		this.events = events;
		this.jdbc = jdbc;
		this.unpaid = unpaid;
		this.clock = clock;
	}

	@Transactional
	public OrderView place(NewOrder request) {
		Instant now = Instant.now(clock);
		List<OrderLine> lines = request.lines()
			.stream()
			.map(line -> new OrderLine(UUID.randomUUID(), line.product(), line.productName(), line.licenseType(),
					line.quota(), line.licenseId(), line.productVersion(), line.unitPrice().amount(),
					line.amount().amount()))
			.toList();
		Order order = Order.place(request.organizationId(), request.quoteId(), request.type(), lines,
				request.currency(), request.paymentMethod(),
				new OrderContact(request.placedBy(), request.contactEmail(), now));
		// order.placed tells the contacts how to pay by wire transfer or check
		order.awaitOfflinePayment(unpaid.dueBy(now));
		try {
			order = repository.save(order);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This quote has already been turned into an order.");
		}
		events.publishEvent(OrderPlaced.of(order));
		return OrderView.of(order);
	}

	@Transactional(readOnly = true)
	public OrderView get(UUID orderId, CurrentUser caller) {
		return OrderView.of(visible(orderId, caller));
	}

	/** Whether the person is on the contact list of the order (false if there is no such order). */
	@Transactional(readOnly = true)
	public boolean isContact(UUID orderId, String userId) {
		return jdbc.sql("select exists (select 1 from order_contact where order_id = ? and user_id = ?)")
			.params(orderId, userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * "My Orders": the orders the caller is a contact of, newest first; support sees every order. Both
	 * may narrow it to one organisation or status.
	 */
	@Transactional(readOnly = true)
	public PageResponse<OrderView> list(CurrentUser caller, UUID organizationId, OrderStatus status, int page,
			int size) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (!caller.isSupport()) {
			where.append(" and exists (select 1 from order_contact c where c.order_id = o.id and c.user_id = :user)");
			params.put("user", caller.subject());
		}
		if (organizationId != null) {
			where.append(" and o.organization_id = :organization");
			params.put("organization", organizationId);
		}
		if (status != null) {
			where.append(" and o.status = :status");
			params.put("status", status.name());
		}
		long total = jdbc.sql("select count(*) from orders o" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<UUID> ids = jdbc
			.sql("select o.id from orders o" + where + " order by o.created_at desc, o.id limit :limit offset :offset")
			.params(params)
			.query(UUID.class)
			.list();
		Map<UUID, Order> loaded = new HashMap<>();
		repository.findAllById(ids).forEach(order -> loaded.put(order.id(), order));
		List<OrderView> items = ids.stream().map(loaded::get).filter(Objects::nonNull).map(OrderView::of).toList();
		return new PageResponse<>(items, page, size, total);
	}

	@Transactional
	public OrderView cancel(UUID orderId, CurrentUser caller) {
		Order order = lockedVisible(orderId, caller);
		requireContact(order, caller, "Only the order's contacts can cancel it.");
		if (order.cancel(caller.subject(), Instant.now(clock))) {
			order = repository.save(order);
			events.publishEvent(OrderCancelled.of(order));
		}
		return OrderView.of(order);
	}

	@Transactional(readOnly = true)
	public List<OrderView.ContactView> contacts(UUID orderId, CurrentUser caller) {
		return visible(orderId, caller).contacts().stream().map(OrderView.ContactView::of).toList();
	}

	/**
	 * Adds a member of the order's organisation to its contact list, found by e-mail in the membership
	 * read model.
	 */
	@Transactional
	public OrderView.ContactView addContact(UUID orderId, String email, CurrentUser caller) {
		Order order = lockedVisible(orderId, caller);
		requireContact(order, caller, "Only the order's contacts can change its contact list.");
		Member member = memberships.memberByEmail(order.organizationId(), email)
			.orElseThrow(() -> new BusinessRuleException(
					email + " is not linked to your organization and cannot be added to Contacts."));
		Instant now = Instant.now(clock);
		OrderContact contact = order.addContact(member.userId(), member.email(), now);
		order = repository.save(order);
		events.publishEvent(OrderContactAdded.of(order, contact, now));
		return OrderView.ContactView.of(contact);
	}

	@Transactional
	public void removeContact(UUID orderId, String userId, CurrentUser caller) {
		Order order = lockedVisible(orderId, caller);
		requireContact(order, caller, "Only the order's contacts can change its contact list.");
		OrderContact removed = order.removeContact(userId);
		order = repository.save(order);
		events.publishEvent(OrderContactRemoved.of(order, removed, Instant.now(clock)));
	}

	/**
	 * Locks an order for a payment by one of its contacts: concurrent payments of one order wait here
	 * for each other, and the later ones find it paid. The caller decides when to
	 * {@linkplain PayableOrder#assertPayable() refuse} one that is paid or cancelled (a repeated
	 * request is answered first).
	 */
	@Transactional
	public PayableOrder lockForPayment(UUID orderId, CurrentUser caller) {
		Order order = lockedVisible(orderId, caller);
		requireContact(order, caller, "Only the order's contacts can pay for it.");
		return payable(order);
	}

	/**
	 * Locks an order so that its payments settle one at a time (support confirming one, the provider's
	 * answer or notification arriving); {@link #markPaid} then refuses it if it is paid or cancelled.
	 */
	@Transactional
	public PayableOrder lock(UUID orderId) {
		return payable(repository.findLockedById(orderId).orElseThrow(Orders::notFound));
	}

	private static PayableOrder payable(Order order) {
		return new PayableOrder(order.id(), order.organizationId(), order.total(), order.notPayableBecause());
	}

	/** Records the method of a payment that is under way (on the provider's page, or awaiting confirmation). */
	@Transactional
	public void paymentPending(UUID orderId, PaymentMethod method) {
		Order order = repository.findById(orderId).orElseThrow(Orders::notFound);
		order.paymentChosen(method);
		Instant now = Instant.now(clock);
		boolean firstOffline = order.awaitOfflinePayment(unpaid.dueBy(now));
		order = repository.save(order);
		if (firstOffline) {
			// chosen at the payment step: the instructions go out now (once per order, as at ordering)
			events.publishEvent(OrderAwaitingPayment.of(order, now));
		}
	}

	/** Marks the order paid and tells billing. */
	@Transactional
	public OrderView markPaid(UUID orderId, UUID paymentId, PaymentMethod method, Instant paidAt) {
		Order order = repository.findById(orderId).orElseThrow(Orders::notFound);
		order.markPaid(paymentId, method, paidAt);
		order = repository.save(order);
		events.publishEvent(OrderPaid.of(order));
		return OrderView.of(order);
	}

	/**
	 * A person left an organisation, or their account is gone: they leave the contact lists of its
	 * orders (of every order, for a removed account). An order that would be left without contacts
	 * passes to the organisation's primary contact, so someone can still act on it.
	 */
	@EventListener
	@Transactional
	void membershipEnded(MembershipEnded ended) {
		List<UUID> orderIds = jdbc.sql("""
				select c.order_id from order_contact c join orders o on o.id = c.order_id
				where c.user_id = :user and (cast(:organization as uuid) is null or o.organization_id = :organization)
				order by c.order_id
				""").param("user", ended.userId()).param("organization", ended.organizationId()).query(UUID.class).list();
		Instant now = Instant.now(clock);
		for (UUID orderId : orderIds) {
			Order order = repository.findLockedById(orderId).orElseThrow();
			OrderContact removed = order.dropContact(ended.userId()).orElseThrow();
			List<Object> changes = new java.util.ArrayList<>();
			changes.add(OrderContactRemoved.of(order, removed, now));
			if (order.contacts().isEmpty()) {
				Member successor = memberships.primaryContact(order.organizationId())
					.filter(member -> !member.userId().equals(ended.userId()))
					.orElse(null);
				if (successor != null) {
					OrderContact added = order.addContact(successor.userId(), successor.email(), now);
					changes.add(OrderContactAdded.of(order, added, now));
				}
				else {
					log.warn("Order {} has no contact left after {} left; support can still see it", orderId,
							ended.userId());
				}
			}
			repository.save(order);
			changes.forEach(events::publishEvent);
		}
	}

	private Order visible(UUID orderId, CurrentUser caller) {
		return repository.findById(orderId).filter(order -> order.visibleTo(caller)).orElseThrow(Orders::notFound);
	}

	private Order lockedVisible(UUID orderId, CurrentUser caller) {
		return repository.findLockedById(orderId)
			.filter(order -> order.visibleTo(caller))
			.orElseThrow(Orders::notFound);
	}

	private static void requireContact(Order order, CurrentUser caller, String sentence) {
		if (!order.isContact(caller.subject())) {
			throw new ForbiddenException(sentence);
		}
	}

	static NotFoundException notFound() {
		return new NotFoundException("There is no such order, or you are not one of its contacts.");
	}

}
