package org.customerportal.order.payment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;

/**
 * The simulated provider behind a test double that records every payment it is asked to start, by
 * payment id, and can be told how the next start of an order goes wrong.
 */
@Primary
@ConditionalOnProperty(name = "portal.order.payments.provider", havingValue = SimulatedPaymentProvider.NAME)
public class ScriptedPaymentProvider implements PaymentProvider {

	/** How a start goes wrong. */
	public enum Trouble {

		/** The provider opens the payment, then the connection breaks before its answer arrives. */
		ANSWER_LOST,

		/** The provider opens the payment but answers only after {@link #release()} (or never, for the caller). */
		ANSWERS_LATE,

		/** The connection breaks before the request reaches the provider. */
		NOT_RECEIVED,

		/** The provider refuses to start the payment. */
		REFUSED

	}

	public static final String REFUSAL = "Our payment provider refused to start this payment. Try again.";

	private final SimulatedPaymentProvider provider;

	private final Map<UUID, List<Start>> starts = new ConcurrentHashMap<>();

	private final Map<UUID, Deque<Trouble>> troubles = new ConcurrentHashMap<>();

	private volatile CountDownLatch late = new CountDownLatch(1);

	ScriptedPaymentProvider(SimulatedPaymentProvider provider) {
		this.provider = provider;
	}

	/** The next start of a payment of the order goes wrong this way. */
	public void troubleNextStart(UUID orderId, Trouble trouble) {
		troubles.computeIfAbsent(orderId, id -> new ConcurrentLinkedDeque<>()).add(trouble);
	}

	/** Lets late answers through. */
	public void release() {
		late.countDown();
		late = new CountDownLatch(1);
	}

	/** The starts the provider was asked for about an order: how many times, by payment id. */
	public Map<UUID, Integer> startsOf(UUID orderId) {
		Map<UUID, Integer> counts = new LinkedHashMap<>();
		starts.forEach((paymentId, asked) -> {
			List<Start> ofOrder = asked.stream().filter(s -> s.orderId().equals(orderId)).toList();
			if (!ofOrder.isEmpty()) {
				counts.put(paymentId, ofOrder.size());
			}
		});
		return counts;
	}

	@Override
	public String name() {
		return provider.name();
	}

	@Override
	public Result start(Start start) {
		starts.computeIfAbsent(start.paymentId(), id -> Collections.synchronizedList(new ArrayList<>())).add(start);
		Deque<Trouble> planned = troubles.get(start.orderId());
		Trouble trouble = planned == null ? null : planned.poll();
		if (trouble == Trouble.NOT_RECEIVED) {
			throw new IllegalStateException("Connection refused");
		}
		if (trouble == Trouble.REFUSED) {
			return new Declined(REFUSAL);
		}
		Result result = provider.start(start);
		if (trouble == Trouble.ANSWER_LOST) {
			throw new IllegalStateException("Connection reset after the start");
		}
		if (trouble == Trouble.ANSWERS_LATE) {
			try {
				late.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt(); // the caller gave up waiting
			}
		}
		return result;
	}

	@Override
	public RefundResult refund(Refund refund) {
		return provider.refund(refund);
	}

	@Override
	public void expire(String reference) {
		provider.expire(reference);
	}

	@Override
	public Notification verify(String payload, HttpHeaders headers) {
		return provider.verify(payload, headers);
	}

}
