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

import org.springframework.context.annotation.Primary;

/**
 * The simulated provider behind a test double that records every charge it is asked for, by payment
 * id, and can be told how the next charge of an order goes wrong.
 */
@Primary
public class ScriptedPaymentProvider implements PaymentProvider {

	/** How a charge goes wrong. */
	public enum Trouble {

		/** The provider charges, then the connection breaks before its answer arrives. */
		ANSWER_LOST,

		/** The provider charges but answers only after {@link #release()} (or never, for the caller). */
		ANSWERS_LATE,

		/** The connection breaks before the charge reaches the provider. */
		NOT_RECEIVED

	}

	private final SimulatedPaymentProvider provider;

	private final Map<UUID, List<Charge>> charges = new ConcurrentHashMap<>();

	private final Map<UUID, Deque<Trouble>> troubles = new ConcurrentHashMap<>();

	private volatile CountDownLatch late = new CountDownLatch(1);

	ScriptedPaymentProvider(SimulatedPaymentProvider provider) {
		this.provider = provider;
	}

	/** The next charge of the order goes wrong this way. */
	public void troubleNextCharge(UUID orderId, Trouble trouble) {
		troubles.computeIfAbsent(orderId, id -> new ConcurrentLinkedDeque<>()).add(trouble);
	}

	/** Lets late answers through. */
	public void release() {
		late.countDown();
		late = new CountDownLatch(1);
	}

	/** The charges the provider was asked for about an order: how many times, by payment id. */
	public Map<UUID, Integer> chargesOf(UUID orderId) {
		Map<UUID, Integer> counts = new LinkedHashMap<>();
		charges.forEach((paymentId, asked) -> {
			List<Charge> ofOrder = asked.stream().filter(c -> c.orderId().equals(orderId)).toList();
			if (!ofOrder.isEmpty()) {
				counts.put(paymentId, ofOrder.size());
			}
		});
		return counts;
	}

	@Override
	public Result charge(Charge charge) {
		charges.computeIfAbsent(charge.paymentId(), id -> Collections.synchronizedList(new ArrayList<>())).add(charge);
		Deque<Trouble> planned = troubles.get(charge.orderId());
		Trouble trouble = planned == null ? null : planned.poll();
		if (trouble == Trouble.NOT_RECEIVED) {
			throw new IllegalStateException("Connection refused");
		}
		Result result = provider.charge(charge);
		if (trouble == Trouble.ANSWER_LOST) {
			throw new IllegalStateException("Connection reset after the charge");
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

}
