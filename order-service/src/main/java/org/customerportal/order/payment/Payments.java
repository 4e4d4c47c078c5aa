package org.customerportal.order.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.order.PaymentMethod;
import org.customerportal.order.idempotency.Idempotency;
import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.Orders;
import org.customerportal.order.orders.PayableOrder;
import org.customerportal.order.payment.GuardedPaymentProvider.ProviderUnavailableException;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Declined;
import org.customerportal.order.payment.PaymentProvider.Settled;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.problem.ServiceUnavailableException;
import org.customerportal.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying orders through the payment provider, and support confirming wire transfers and checks.
 * <p>
 * A payment is made in three steps so that no money moves while a database transaction waits and no
 * answer of the provider is lost:
 * <ol>
 * <li>one transaction locks the order, checks that it can be paid and records the payment as
 * pending (in flight) under an id that is the same for every repeat of the request (derived from
 * the Idempotency-Key when there is one); the unique index on live payments keeps it to one per
 * order;</li>
 * <li>the provider is asked, outside any transaction, through a circuit breaker and a time limiter,
 * with the payment id as its idempotency key;</li>
 * <li>a second transaction records its answer: settled (the order is paid), awaiting confirmation
 * (wire transfer, check) or failed (declined: 422).</li>
 * </ol>
 * A provider that gives no answer leaves the payment in flight and answers 503; a repeat of the
 * request, or {@link PaymentReconciler} later, asks the provider again under the same id, which never
 * charges twice.
 */
@Service
class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	static final String UNAVAILABLE = "Payments are unavailable right now: our payment provider is not answering. "
			+ "Nothing was charged; try again in a few minutes.";

	static final String DELAYED = "Our payment provider did not confirm your payment in time. It is being checked and "
			+ "the order shows as paid once it has gone through: look at the order again in a few minutes before "
			+ "paying another way, or repeat this request with the same Idempotency-Key.";

	private final PaymentRepository repository;

	private final Orders orders;

	private final GuardedPaymentProvider provider;

	private final Idempotency idempotency;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Payments(PaymentRepository repository, Orders orders, GuardedPaymentProvider provider, Idempotency idempotency,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.orders = orders;
		this.provider = provider;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Pays an order, or answers a repeat of the request as the first one was answered.
	 * @param request what a repeat must match (the body without the card's secrets)
	 * @param key the Idempotency-Key, or null
	 * @return 201 with the payment, or the stored first answer to the key
	 */
	ResponseEntity<PaymentView> pay(UUID orderId, PaymentMethod method, CardDetails card, Object request, String key,
			CurrentUser caller) {
		Request pay = new Request(orderId, method, card, request, key, caller);
		if (!provider.acceptsCalls()) {
			throw new ServiceUnavailableException(UNAVAILABLE, provider.retryAfter());
		}
		Step begun = transactions.execute(status -> begin(pay));
		if (begun.answer() != null) {
			return begun.answer();
		}
		Payment payment = begun.payment();
		PaymentProvider.Result result;
		try {
			result = provider.charge(new PaymentProvider.Charge(payment.id(), orderId, payment.amount(), method, card));
		}
		catch (ProviderUnavailableException ex) {
			// The charge may or may not have reached the provider: the payment stays in flight until a
			// repeat or the reconciler learns the provider's answer.
			throw new ServiceUnavailableException(DELAYED, ex.retryAfter());
		}
		Step finished = transactions.execute(status -> finish(pay, payment.id(), result));
		if (finished.declined() != null) {
			throw new BusinessRuleException(finished.declined());
		}
		return finished.answer();
	}

	/** Step 1: the order locked and checked, the payment recorded in flight (or the repeat answered). */
	private Step begin(Request pay) {
		PayableOrder order = orders.lockForPayment(pay.orderId(), pay.caller());
		Optional<ResponseEntity<PaymentView>> previous = pay.previousAnswer();
		if (previous.isPresent()) {
			return Step.answered(previous.get());
		}
		Instant now = Instant.now(clock);
		Payment earlier = repository.findById(pay.paymentId()).orElse(null);
		if (earlier != null && earlier.inFlight()) {
			// a repeat of a request whose provider answer was lost: ask again under the same id
			earlier.askingProvider(now);
			return Step.send(repository.save(earlier));
		}
		order.assertPayable();
		refuseWhileAnotherPaymentIsLive(pay.orderId());
		Payment payment;
		if (earlier != null && earlier.status() == PaymentStatus.FAILED) {
			// a repeat of a declined request: the provider answers it again for the same id
			earlier.retry(now);
			payment = earlier;
		}
		else if (earlier == null) {
			payment = Payment.start(pay.paymentId(), pay.orderId(), pay.method(), order.total(),
					pay.card() != null ? pay.card().last4() : null, pay.caller().subject(), now);
		}
		else {
			throw new ConflictException("This payment was already made. Reload the order to see it.");
		}
		try {
			return Step.send(repository.save(payment));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This order is already paid or has a payment awaiting confirmation.");
		}
	}

	/** Step 3: the provider's answer recorded, and the answer to the request (stored for its key). */
	private Step finish(Request pay, UUID paymentId, PaymentProvider.Result result) {
		orders.lock(pay.orderId());
		Optional<ResponseEntity<PaymentView>> previous = pay.previousAnswer();
		if (previous.isPresent()) {
			return Step.answered(previous.get()); // a repeat running at the same time answered first
		}
		Payment payment = repository.findById(paymentId).orElseThrow();
		if (payment.inFlight()) {
			payment = apply(payment, result, Instant.now(clock));
		}
		else {
			warnIfContradicted(payment, result);
		}
		if (payment.status() == PaymentStatus.FAILED) {
			return Step.declined(payment.failureReason());
		}
		ResponseEntity<PaymentView> answer = ResponseEntity
			.created(URI.create("/api/orders/" + pay.orderId() + "/payments/" + payment.id()))
			.body(PaymentView.of(payment));
		if (pay.key() != null) {
			idempotency.remember(pay.key(), pay.caller(), pay.operation(), pay.request(), answer);
		}
		return Step.answered(answer);
	}

	/**
	 * Asks the provider again about a payment whose answer was lost, and records what it says; a
	 * provider still not answering leaves it for the next round.
	 */
	void reconcile(UUID paymentId, Instant askedBefore) {
		Payment payment = transactions.execute(status -> {
			Payment found = repository.findById(paymentId).orElse(null);
			if (found == null) {
				return null;
			}
			orders.lock(found.orderId());
			found = repository.findById(paymentId).orElseThrow();
			if (!found.inFlight() || !found.providerAskedAt().isBefore(askedBefore)) {
				return null; // answered meanwhile, or another instance is asking
			}
			found.askingProvider(Instant.now(clock));
			return repository.save(found);
		});
		if (payment == null) {
			return;
		}
		PaymentProvider.Result result;
		try {
			// The card's number is not kept: the provider knows the charge by the payment id.
			result = provider.charge(new PaymentProvider.Charge(payment.id(), payment.orderId(), payment.amount(),
					payment.method(), null));
		}
		catch (ProviderUnavailableException ex) {
			log.info("Payment {} of order {}: the provider still gives no answer; asking again later", payment.id(),
					payment.orderId());
			return;
		}
		Payment reconciled = transactions.execute(status -> {
			orders.lock(payment.orderId());
			Payment current = repository.findById(payment.id()).orElseThrow();
			if (!current.inFlight()) {
				warnIfContradicted(current, result);
				return current;
			}
			return apply(current, result, Instant.now(clock));
		});
		log.info("Payment {} of order {} reconciled with the provider: {}", reconciled.id(), reconciled.orderId(),
				reconciled.status());
	}

	/** Records the provider's answer about a payment in flight; the order is locked. */
	private Payment apply(Payment payment, PaymentProvider.Result result, Instant now) {
		if (result instanceof Settled settled) {
			payment.settled(settled.reference(), now);
			payment = repository.save(payment);
			orders.markPaid(payment.orderId(), payment.id(), payment.method(), now);
		}
		else if (result instanceof AwaitingConfirmation awaiting) {
			payment.awaitingConfirmation(awaiting.reference(), awaiting.instructions());
			payment = repository.save(payment);
			orders.paymentPending(payment.orderId(), payment.method());
		}
		else if (result instanceof Declined declined) {
			payment.failed(declined.reason(), now);
			payment = repository.save(payment);
			log.info("Payment {} of order {} declined: {}", payment.id(), payment.orderId(), declined.reason());
		}
		return payment;
	}

	private static void warnIfContradicted(Payment payment, PaymentProvider.Result result) {
		if (result instanceof Settled && payment.status() != PaymentStatus.SUCCEEDED) {
			log.error("The payment provider settled payment {} of order {}, which is recorded as {}: "
					+ "settle or refund it by hand", payment.id(), payment.orderId(), payment.status());
		}
	}

	private void refuseWhileAnotherPaymentIsLive(UUID orderId) {
		repository.findByOrderIdAndStatus(orderId, PaymentStatus.PENDING).ifPresent(pending -> {
			if (pending.inFlight()) {
				throw new ConflictException("A " + describe(pending.method()) + " payment of this order is still "
						+ "being processed. Look at the order again in a few minutes before paying another way.");
			}
			throw new ConflictException("A " + describe(pending.method()) + " payment of this order ("
					+ pending.providerReference() + ") is already awaiting confirmation. "
					+ "Cancel the order and place a new one if you want to pay another way.");
		});
	}

	/** Support saw a wire transfer or check arrive: the payment settles and the order is paid. */
	@Transactional
	PaymentView confirm(UUID orderId, UUID paymentId, CurrentUser support) {
		orders.lock(orderId);
		Payment payment = repository.findById(paymentId)
			.filter(p -> p.orderId().equals(orderId) && p.status() != PaymentStatus.FAILED)
			.orElseThrow(() -> new NotFoundException("This order has no such payment."));
		Instant now = Instant.now(clock);
		payment.confirm(support.subject(), now);
		payment = repository.save(payment);
		orders.markPaid(orderId, payment.id(), payment.method(), now);
		return PaymentView.of(payment);
	}

	/** The order's payments, oldest first; attempts that failed (no money moved) are not listed. */
	@Transactional(readOnly = true)
	List<PaymentView> list(UUID orderId, CurrentUser caller) {
		orders.get(orderId, caller); // 404 unless a contact or support
		return repository.findByOrderIdOrderByCreatedAt(orderId)
			.stream()
			.filter(payment -> payment.status() != PaymentStatus.FAILED)
			.map(PaymentView::of)
			.toList();
	}

	/**
	 * A cancelled order will not be paid: its pending wire transfer or check is void. While the
	 * provider has not answered about a payment, the order cannot be cancelled: the money may have
	 * moved.
	 */
	@EventListener
	void orderCancelled(OrderCancelled cancelled) {
		repository.findByOrderIdAndStatus(cancelled.orderId(), PaymentStatus.PENDING).ifPresent(payment -> {
			if (payment.inFlight()) {
				throw new ConflictException("A " + describe(payment.method()) + " payment of this order is still "
						+ "being processed, so the order cannot be cancelled now. Try again in a few minutes.");
			}
			payment.cancel();
			repository.save(payment);
		});
	}

	private static String describe(PaymentMethod method) {
		return switch (method) {
			case CREDIT_CARD -> "card";
			case PAYPAL -> "PayPal";
			case WIRE_TRANSFER -> "wire transfer";
			case CHECK -> "check";
		};
	}

	/** One payment request; {@code paymentId} is stable across its repeats when it has a key. */
	private final class Request {

		private final UUID orderId;

		private final PaymentMethod method;

		private final CardDetails card;

		private final Object request;

		private final String key;

		private final CurrentUser caller;

		private final UUID paymentId;

		Request(UUID orderId, PaymentMethod method, CardDetails card, Object request, String key, CurrentUser caller) {
			this.orderId = orderId;
			this.method = method;
			this.card = card;
			this.request = request;
			this.key = key;
			this.caller = caller;
			this.paymentId = key == null ? UUID.randomUUID() : idempotency.requestId(key, caller, operation(), request);
		}

		String operation() {
			return "POST /api/orders/" + orderId + "/payments";
		}

		Optional<ResponseEntity<PaymentView>> previousAnswer() {
			return key == null ? Optional.empty()
					: idempotency.previousAnswer(key, caller, operation(), request, PaymentView.class);
		}

		UUID orderId() {
			return orderId;
		}

		PaymentMethod method() {
			return method;
		}

		CardDetails card() {
			return card;
		}

		Object request() {
			return request;
		}

		String key() {
			return key;
		}

		CurrentUser caller() {
			return caller;
		}

		UUID paymentId() {
			return paymentId;
		}

	}

	/** The outcome of a step: a payment to send, an answer, or a decline (its sentence). */
	private record Step(Payment payment, ResponseEntity<PaymentView> answer, String declined) {

		static Step send(Payment payment) {
			return new Step(payment, null, null);
		}

		static Step answered(ResponseEntity<PaymentView> answer) {
			return new Step(null, answer, null);
		}

		static Step declined(String reason) {
			return new Step(null, null, reason);
		}

	}

}
