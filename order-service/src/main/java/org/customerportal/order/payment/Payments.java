package org.customerportal.order.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.order.PaymentMethod;
import org.customerportal.order.idempotency.Answer;
import org.customerportal.order.idempotency.Idempotency;
import org.customerportal.order.orders.OrderEvents.OrderCancelled;
import org.customerportal.order.orders.Orders;
import org.customerportal.order.orders.PayableOrder;
import org.customerportal.order.payment.GuardedPaymentProvider.ProviderUnavailableException;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Declined;
import org.customerportal.order.payment.PaymentProvider.Notification;
import org.customerportal.order.payment.PaymentProvider.Redirect;
import org.customerportal.order.payment.PaymentProvider.RefundRefused;
import org.customerportal.order.payment.PaymentProvider.Refunded;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.problem.ServiceUnavailableException;
import org.customerportal.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying orders through the payment provider, the provider's notifications, refunds, and support
 * confirming wire transfers and checks.
 * <p>
 * Card and PayPal payments happen on the provider's hosted page, so card data never reaches the
 * portal. A payment is started in three steps so that no provider call happens while a database
 * transaction waits and no answer of the provider is lost:
 * <ol>
 * <li>one transaction locks the order, checks that it can be paid and records the payment as
 * pending (in flight) under an id that is the same for every repeat of the request (derived from
 * the Idempotency-Key when there is one); the unique index on live payments keeps it to one per
 * order, and an unfinished hosted-page payment of the order is replaced (cancelled) by the new one;</li>
 * <li>the provider is asked, outside any transaction, through a circuit breaker and a time limiter,
 * with the payment id as its idempotency key;</li>
 * <li>a second transaction records its answer: the hosted page to send the customer to (card,
 * PayPal), awaiting confirmation (wire transfer, check) or failed (refused: 422).</li>
 * </ol>
 * A provider that gives no answer leaves the payment in flight and answers 503; a repeat of the
 * request, or {@link PaymentReconciler} later, asks the provider again under the same id. The order
 * is paid when the provider's signed notification says the money moved ({@link PaymentWebhooks}).
 */
@Service
class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	static final String UNAVAILABLE = "Payments are unavailable right now: our payment provider is not answering. "
			+ "Nothing was charged; try again in a few minutes.";

	static final String DELAYED = "Our payment provider did not answer in time. It is being checked: look at the "
			+ "order again in a few minutes before paying another way, or repeat this request with the same "
			+ "Idempotency-Key.";

	static final String REFUND_UNAVAILABLE = "Refunds are unavailable right now: our payment provider is not "
			+ "answering. Nothing was refunded; try again in a few minutes.";

	private final PaymentRepository repository;

	private final Orders orders;

	private final GuardedPaymentProvider provider;

	private final Idempotency idempotency;

	private final ReturnUrls returnUrls;

	private final PaymentProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Payments(PaymentRepository repository, Orders orders, GuardedPaymentProvider provider, Idempotency idempotency,
			ReturnUrls returnUrls, PaymentProperties properties, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.orders = orders;
		this.provider = provider;
		this.idempotency = idempotency;
		this.returnUrls = returnUrls;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Pays an order, or answers a repeat of the request as the first one was answered.
	 * @param returnUrl where the provider's page sends the browser back to; null for the portal's order page
	 * @param request what a repeat must match (the body)
	 * @param key the Idempotency-Key, or null
	 * @return 201 with the payment (for card and PayPal, pending with the provider's page to go to), or
	 * the stored first answer to the key
	 */
	Answer<PaymentView> pay(UUID orderId, PaymentMethod method, String returnUrl, Object request, String key,
			CurrentUser caller) {
		URI returnTo = returnUrls.resolve(returnUrl, orderId);
		Request pay = new Request(orderId, method, method.paidOnProviderPage() ? returnTo : null, request, key,
				caller);
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
			result = provider.start(startOf(payment));
		}
		catch (ProviderUnavailableException ex) {
			// The start may or may not have reached the provider: the payment stays in flight until a
			// repeat or the reconciler learns the provider's answer.
			throw new ServiceUnavailableException(DELAYED, ex.retryAfter());
		}
		finally {
			closePage(begun.replaced());
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
		Optional<Answer<PaymentView>> previous = pay.previousAnswer();
		if (previous.isPresent()) {
			return Step.answered(previous.get());
		}
		Instant now = Instant.now(clock);
		Payment earlier = repository.findById(pay.paymentId()).orElse(null);
		if (earlier != null && earlier.inFlight()) {
			// a repeat of a request whose provider answer was lost: ask again under the same id
			earlier.askingProvider(now);
			return Step.send(repository.save(earlier), null);
		}
		order.assertPayable();
		Payment replaced = replaceUnfinishedPage(pay.orderId(), now);
		Payment payment;
		if (earlier != null && earlier.status() == PaymentStatus.FAILED) {
			// a repeat of a refused request: the provider answers it again for the same id
			earlier.retry(now);
			payment = earlier;
		}
		else if (earlier == null) {
			payment = Payment.start(pay.paymentId(), pay.orderId(), pay.method(), order.total(), pay.returnUrl(),
					pay.caller().subject(), now);
		}
		else {
			throw new ConflictException("This payment was already made. Reload the order to see it.");
		}
		try {
			return Step.send(repository.save(payment), replaced);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This order is already paid or has a payment awaiting confirmation.");
		}
	}

	/** Step 3: the provider's answer recorded, and the answer to the request (stored for its key). */
	private Step finish(Request pay, UUID paymentId, PaymentProvider.Result result) {
		orders.lock(pay.orderId());
		Optional<Answer<PaymentView>> previous = pay.previousAnswer();
		if (previous.isPresent()) {
			return Step.answered(previous.get()); // a repeat running at the same time answered first
		}
		Payment payment = repository.findById(paymentId).orElseThrow();
		if (payment.inFlight()) {
			payment = apply(payment, result, Instant.now(clock));
		}
		// else a notification, or a repeat of the request, got there first
		if (payment.status() == PaymentStatus.FAILED) {
			return Step.declined(payment.failureReason());
		}
		Answer<PaymentView> answer = Answer
			.created(URI.create("/api/orders/" + pay.orderId() + "/payments/" + payment.id()), PaymentView.of(payment));
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
			result = provider.start(startOf(payment));
		}
		catch (ProviderUnavailableException ex) {
			log.info("Payment {} of order {}: the provider still gives no answer; asking again later", payment.id(),
					payment.orderId());
			return;
		}
		Payment reconciled = transactions.execute(status -> {
			orders.lock(payment.orderId());
			Payment current = repository.findById(payment.id()).orElseThrow();
			return current.inFlight() ? apply(current, result, Instant.now(clock)) : current;
		});
		log.info("Payment {} of order {} reconciled with the provider: {}", reconciled.id(), reconciled.orderId(),
				reconciled.status());
	}

	/** What the provider is asked: the same for every repeat, as its idempotency key requires. */
	private PaymentProvider.Start startOf(Payment payment) {
		return new PaymentProvider.Start(payment.id(), payment.orderId(), payment.amount(), payment.method(),
				payment.returnUrl(), payment.createdAt().plus(properties.pageExpiry()));
	}

	/** Records the provider's answer about a payment in flight; the order is locked. */
	private Payment apply(Payment payment, PaymentProvider.Result result, Instant now) {
		if (result instanceof Redirect redirect) {
			payment.openedOnProviderPage(redirect.reference(), redirect.redirectUrl());
			payment = repository.save(payment);
			orders.paymentPending(payment.orderId(), payment.method());
		}
		else if (result instanceof AwaitingConfirmation awaiting) {
			payment.awaitingConfirmation(awaiting.reference(), awaiting.instructions());
			payment = repository.save(payment);
			orders.paymentPending(payment.orderId(), payment.method());
		}
		else if (result instanceof Declined declined) {
			payment.failed(declined.reason(), now);
			payment = repository.save(payment);
			log.info("Payment {} of order {} refused by the provider: {}", payment.id(), payment.orderId(),
					declined.reason());
		}
		return payment;
	}

	/**
	 * A new payment of an order whose live payment is an unfinished hosted page replaces it, so that a
	 * page the customer left does not lock the order; anything else live refuses the new payment.
	 * @return the replaced payment, whose page is then closed at the provider, or null
	 */
	private Payment replaceUnfinishedPage(UUID orderId, Instant now) {
		Payment pending = repository.findByOrderIdAndStatus(orderId, PaymentStatus.PENDING).orElse(null);
		if (pending == null) {
			return null;
		}
		if (pending.onProviderPage()) {
			pending.replaced(now);
			log.info("Payment {} of order {}, left unfinished on the provider's page, is replaced by a new one",
					pending.id(), orderId);
			return repository.save(pending);
		}
		if (pending.inFlight()) {
			throw new ConflictException("A " + describe(pending.method()) + " payment of this order is still "
					+ "being processed. Look at the order again in a few minutes before paying another way.");
		}
		throw new ConflictException("A " + describe(pending.method()) + " payment of this order ("
				+ pending.providerReference() + ") is already awaiting confirmation. "
				+ "Cancel the order and place a new one if you want to pay another way.");
	}

	private void closePage(Payment replaced) {
		if (replaced != null) {
			provider.expire(replaced.id(), replaced.providerReference());
		}
	}

	/**
	 * Applies a verified notification of the provider, in the transaction that records it as applied.
	 * The provider may send notifications late, twice (under other ids) or out of order: a failure
	 * after a success changes nothing, and a success is recorded whenever it comes, since the money
	 * moved: the order is paid if it still waits for the money; otherwise an error is logged so support
	 * can refund it.
	 */
	void apply(Notification notification) {
		if (notification.outcome() == PaymentProvider.Outcome.IGNORED || notification.paymentId() == null) {
			return;
		}
		Payment found = repository.findById(notification.paymentId()).orElse(null);
		if (found == null || !found.method().paidOnProviderPage()) {
			log.warn("Notification {} ({}) is about payment {}, which is no card or PayPal payment of ours; ignored",
					notification.eventId(), notification.type(), notification.paymentId());
			return;
		}
		PayableOrder order = orders.lock(found.orderId());
		Payment payment = repository.findById(found.id()).orElseThrow();
		Instant now = Instant.now(clock);
		switch (notification.outcome()) {
			case SUCCEEDED -> settle(order, payment, notification, now);
			case FAILED -> {
				if (payment.failedAtProvider(notification.reason(), now)) {
					repository.save(payment);
					log.info("Payment {} of order {} failed at the provider: {}", payment.id(), payment.orderId(),
							notification.reason());
				}
				else {
					log.info("Notification {} says payment {} failed, which is already {}: nothing changes",
							notification.eventId(), payment.id(), payment.status());
				}
			}
			case IGNORED -> {
			}
		}
	}

	private void settle(PayableOrder order, Payment payment, Notification notification, Instant now) {
		if (payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.REFUNDED) {
			return; // known already
		}
		if (!order.payable()) {
			log.error("The payment provider took the money of payment {} ({} {}, provider reference {}) of order {}, "
					+ "which is not waiting for it: {} Refund it at the payment provider.", payment.id(),
					payment.method(), payment.amount(), notification.reference(), payment.orderId(), order.refusal());
			return;
		}
		// another pending payment of the order (a newer attempt, a wire transfer) will not be needed
		repository.findByOrderIdAndStatus(payment.orderId(), PaymentStatus.PENDING)
			.filter(other -> !other.id().equals(payment.id()))
			.ifPresent(other -> {
				other.replaced(now);
				repository.save(other);
			});
		payment.settledByProvider(notification.reference(), now);
		repository.save(payment);
		orders.markPaid(payment.orderId(), payment.id(), payment.method(), now);
		log.info("Payment {} of order {} settled by the provider", payment.id(), payment.orderId());
	}

	/** Support saw a wire transfer or check arrive: the payment settles and the order is paid. */
	@Transactional
	PaymentView confirm(UUID orderId, UUID paymentId, CurrentUser support) {
		orders.lock(orderId);
		Payment payment = paymentOf(orderId, paymentId);
		Instant now = Instant.now(clock);
		payment.confirm(support.subject(), now);
		payment = repository.save(payment);
		orders.markPaid(orderId, payment.id(), payment.method(), now);
		return PaymentView.of(payment);
	}

	/**
	 * Support gives the money of a settled payment back: card and PayPal through the provider (which
	 * refunds once per payment, however often it is asked); a wire transfer or check is sent back from
	 * the bank account by hand and only recorded here. A refunded payment answers as it is.
	 */
	PaymentView refund(UUID orderId, UUID paymentId, CurrentUser support) {
		Payment payment = transactions.execute(status -> {
			orders.lock(orderId);
			Payment found = paymentOf(orderId, paymentId);
			found.requireRefundable();
			return found;
		});
		if (payment.status() == PaymentStatus.REFUNDED) {
			return PaymentView.of(payment);
		}
		String reference = null;
		if (payment.method().paidOnProviderPage()) {
			PaymentProvider.RefundResult result;
			try {
				if (!provider.acceptsCalls()) {
					throw new ProviderUnavailableException(provider.retryAfter());
				}
				result = provider.refund(
						new PaymentProvider.Refund(payment.id(), payment.settlementReference(), payment.amount()));
			}
			catch (ProviderUnavailableException ex) {
				throw new ServiceUnavailableException(REFUND_UNAVAILABLE, ex.retryAfter());
			}
			if (result instanceof RefundRefused refused) {
				throw new BusinessRuleException(refused.reason());
			}
			reference = ((Refunded) result).reference();
		}
		String refundReference = reference;
		return transactions.execute(status -> {
			orders.lock(orderId);
			Payment current = paymentOf(orderId, paymentId);
			if (current.status() == PaymentStatus.SUCCEEDED) {
				// as the database keeps it, so that a repeat answers the same time
				current.refunded(refundReference, support.subject(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
				current = repository.save(current);
				log.info("Payment {} of order {} refunded by {}", paymentId, orderId, support.subject());
			}
			return PaymentView.of(current);
		});
	}

	private Payment paymentOf(UUID orderId, UUID paymentId) {
		return repository.findById(paymentId)
			.filter(p -> p.orderId().equals(orderId) && p.status() != PaymentStatus.FAILED)
			.orElseThrow(() -> new NotFoundException("This order has no such payment."));
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

	/** A payment, for the simulated provider's test page (which anyone with its id may open). */
	@Transactional(readOnly = true)
	Optional<Payment> find(UUID paymentId) {
		return repository.findById(paymentId);
	}

	/**
	 * A cancelled order will not be paid: its pending payment is void (a hosted page left open that
	 * is paid all the same is logged for a refund). While the provider has not answered about a
	 * payment, the order cannot be cancelled: the payment may have been started.
	 */
	@EventListener
	void orderCancelled(OrderCancelled cancelled) {
		repository.findByOrderIdAndStatus(cancelled.orderId(), PaymentStatus.PENDING).ifPresent(payment -> {
			if (payment.inFlight()) {
				throw new ConflictException("A " + describe(payment.method()) + " payment of this order is still "
						+ "being processed, so the order cannot be cancelled now. Try again in a few minutes.");
			}
			payment.cancel(Instant.now(clock));
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

		private final URI returnUrl;

		private final Object request;

		private final String key;

		private final CurrentUser caller;

		private final UUID paymentId;

		Request(UUID orderId, PaymentMethod method, URI returnUrl, Object request, String key, CurrentUser caller) {
			this.orderId = orderId;
			this.method = method;
			this.returnUrl = returnUrl;
			this.request = request;
			this.key = key;
			this.caller = caller;
			this.paymentId = key == null ? UUID.randomUUID() : idempotency.requestId(key, caller, operation(), request);
		}

		String operation() {
			return "POST /api/orders/" + orderId + "/payments";
		}

		Optional<Answer<PaymentView>> previousAnswer() {
			return key == null ? Optional.empty()
					: idempotency.previousAnswer(key, caller, operation(), request, PaymentView.class);
		}

		UUID orderId() {
			return orderId;
		}

		PaymentMethod method() {
			return method;
		}

		URI returnUrl() {
			return returnUrl;
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

	/**
	 * The outcome of a step: a payment to send (and one it replaced), an answer, or a refusal (its
	 * sentence).
	 */
	private record Step(Payment payment, Payment replaced, Answer<PaymentView> answer, String declined) {

		static Step send(Payment payment, Payment replaced) {
			return new Step(payment, replaced, null, null);
		}

		static Step answered(Answer<PaymentView> answer) {
			return new Step(null, null, answer, null);
		}

		static Step declined(String reason) {
			return new Step(null, null, null, reason);
		}

	}

}
