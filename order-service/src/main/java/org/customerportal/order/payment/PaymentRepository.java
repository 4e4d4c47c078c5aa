package org.customerportal.order.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PaymentRepository extends ListCrudRepository<Payment, UUID> {

	List<Payment> findByOrderIdOrderByCreatedAt(UUID orderId);

	Optional<Payment> findByOrderIdAndStatus(UUID orderId, PaymentStatus status);

	/** Payments the provider has not answered since {@code askedBefore}, oldest first. */
	@Query("""
			select id from payment
			where status = 'PENDING' and provider_reference is null and provider_asked_at < :askedBefore
			order by provider_asked_at limit :limit
			""")
	List<UUID> findInFlightAskedBefore(Instant askedBefore, int limit);

}
