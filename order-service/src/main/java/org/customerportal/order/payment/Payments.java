package org.customerportal.order.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.PaymentMethod;
import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.Orders;
import org.customerportal.order.orders.PayableOrder;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Declined;
import org.customerportal.order.payment.PaymentProvider.Settled;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying orders through the payment provider, and support confirming wire transfers and checks.
 */
@Service
class Payments {

	private final PaymentRepository repository;

	private final Orders orders;

	private final PaymentProvider provider;

	private final Clock clock;

	Payments(PaymentRepository repository, Orders orders, PaymentProvider provider, Clock clock) {
		this.repository = repository;
		this.orders = orders;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Pays an order. The order's row stays locked until the transaction ends, so concurrent payments
	 * of one order run one after the other and the later ones find it paid (or a payment pending); the
	 * unique index on live payments holds even if that lock were missed. A declined card leaves
	 * nothing behind.
	 */
	@Transactional
	PaymentView pay(UUID orderId, PaymentMethod method, CardDetails card, CurrentUser caller) {
		PayableOrder order = orders.lockForPayment(orderId, caller);
		repository.findByOrderIdAndStatus(orderId, PaymentStatus.PENDING).ifPresent(pending -> {
			throw new ConflictException("A " + describe(pending.method()) + " payment of this order ("
					+ pending.providerReference() + ") is already awaiting confirmation. "
					+ "Cancel the order and place a new one if you want to pay another way.");
		});
		Instant now = Instant.now(clock);
		Payment payment = Payment.start(orderId, method, order.total(), card != null ? card.last4() : null,
				caller.subject(), now);
		try {
			payment = repository.save(payment);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This order is already paid or has a payment awaiting confirmation.");
		}
		PaymentProvider.Result result = provider
			.charge(new PaymentProvider.Charge(payment.id(), orderId, order.total(), method, card));
		if (result instanceof Declined declined) {
			throw new BusinessRuleException(declined.reason());
		}
		if (result instanceof Settled settled) {
			payment.settled(settled.reference(), now);
			payment = repository.save(payment);
			orders.markPaid(orderId, payment.id(), method, now);
		}
		else if (result instanceof AwaitingConfirmation awaiting) {
			payment.awaitingConfirmation(awaiting.reference(), awaiting.instructions());
			payment = repository.save(payment);
			orders.paymentPending(orderId, method);
		}
		return PaymentView.of(payment);
	}

	/** Support saw a wire transfer or check arrive: the payment settles and the order is paid. */
	@Transactional
	PaymentView confirm(UUID orderId, UUID paymentId, CurrentUser support) {
		orders.lockForConfirmation(orderId);
		Payment payment = repository.findById(paymentId)
			.filter(p -> p.orderId().equals(orderId))
			.orElseThrow(() -> new NotFoundException("This order has no such payment."));
		Instant now = Instant.now(clock);
		payment.confirm(support.subject(), now);
		payment = repository.save(payment);
		orders.markPaid(orderId, payment.id(), payment.method(), now);
		return PaymentView.of(payment);
	}

	@Transactional(readOnly = true)
	List<PaymentView> list(UUID orderId, CurrentUser caller) {
		orders.get(orderId, caller); // 404 unless a contact or support
		return repository.findByOrderIdOrderByCreatedAt(orderId).stream().map(PaymentView::of).toList();
	}

	/** A cancelled order will not be paid: its pending wire transfer or check is void. */
	@EventListener
	void orderCancelled(OrderCancelled cancelled) {
		repository.findByOrderIdAndStatus(cancelled.orderId(), PaymentStatus.PENDING).ifPresent(payment -> {
			payment.cancel();
			repository.save(payment);
		});
	}

	private static String describe(PaymentMethod method) {
		return method.name().toLowerCase().replace('_', ' ');
	}

}
